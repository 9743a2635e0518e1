complete --keep-order --exclusive --command milestone --arguments "(COMPLETE=fish milestone -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
