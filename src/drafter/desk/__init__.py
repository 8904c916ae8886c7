"""The editors' desk (`drafter review`): a local web app over the run archive."""
