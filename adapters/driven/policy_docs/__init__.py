"""Living documentation of the policy: the features as an HTML report, the lifecycles as SVG.

- `gherkin_model`: the feature files, read with the official Gherkin parser;
- `results`: the last pass/fail result of each scenario (JUnit XML from pytest);
- `report`: one self-contained HTML page (`asb policy report`);
- `graph`, `svg`, `diagram`: lifecycle and pathway graphs drawn from the engine's own
  `transitions` machines and step vocabulary (`asb policy diagram`).
"""
