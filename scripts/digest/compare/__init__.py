"""Problems and paths: extract them from each paper, code them to themes, compare."""
