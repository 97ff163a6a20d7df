package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// findShared locates ../shared/<sub> relative to the working directory or any
// parent of it. $SITREP_SHARED overrides the search.
func findShared(sub string) (string, error) {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		p := filepath.Join(d, sub)
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("SITREP_SHARED=%s: %w", d, err)
		}
		return p, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared", sub)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return filepath.Clean(p), nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("shared/%s not found above %s (set SITREP_SHARED)", sub, wd)
		}
	}
}
