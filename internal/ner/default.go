package ner

import (
	_ "embed"
	"sync"
)

// modelBytes is the shipped model, reproduced by `sitrep train ner`.
// A model file of an older format is rewritten in the current one by
//
//go:generate go run ./cmd/nermodel model.bin
//go:embed model.bin
var modelBytes []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loading it on first use. It panics if
// the embedded file is corrupt, which a test guards against.
func Default() *Model {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = readModelBytes(modelBytes)
	})
	if defaultErr != nil {
		panic(defaultErr)
	}
	return defaultModel
}
