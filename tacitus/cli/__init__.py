"""The command line: thin click commands over the library; the only place that prints."""
