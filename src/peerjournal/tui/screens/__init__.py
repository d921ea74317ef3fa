"""One module (and one .tcss beside it) per screen."""
