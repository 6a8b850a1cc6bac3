"""Running the pipeline over articles, and summarising what came out."""
