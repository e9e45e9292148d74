"""The captioned clip example: template.json and the generator of its sample assets."""
