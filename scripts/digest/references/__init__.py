"""Reference lists: parse, key, merge and write the bibliography."""
