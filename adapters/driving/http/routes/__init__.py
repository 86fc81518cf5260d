"""HTTP routes, one module per resource. Thin: authorise, call the service or a query, shape."""
