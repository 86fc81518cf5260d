"""Policy as executable Gherkin: the feature files are the policy document."""
