"""One module per step; the pipeline discovers them all."""
