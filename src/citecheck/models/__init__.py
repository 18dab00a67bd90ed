"""Model files shipped with citecheck (see `citecheck._crf`)."""
