// Command nermodel rewrites NER model files in the current format of
// package ner (ner.ReadModel reads the older ones): the tagger's tables
// as they are, so that loading the embedded model costs milliseconds.
//
//	go run ./internal/ner/cmd/nermodel internal/ner/model.bin
//
// Its weights, gazetteer and clusters are unchanged, so the model tags
// exactly as before; a model already in the current format is rewritten
// byte for byte.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/sitrep/sitrep/internal/ner"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: nermodel MODEL-FILE...")
		os.Exit(2)
	}
	failed := false
	for _, path := range os.Args[1:] {
		if err := convert(path); err != nil {
			fmt.Fprintln(os.Stderr, "nermodel:", err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

func convert(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m, err := ner.ReadModel(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var out bytes.Buffer
	if _, err := m.WriteTo(&out); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if bytes.Equal(out.Bytes(), data) {
		fmt.Printf("%s: already current (%d bytes)\n", path, len(data))
		return nil
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, out.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	fmt.Printf("%s: %d -> %d bytes\n", path, len(data), out.Len())
	return nil
}
