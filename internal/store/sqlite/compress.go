package sqlite

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// Raw documents are stored compressed (documents.compression names how):
// they are written once and read seldom, and HTML pages, most of the raw
// bytes, shrink several times, so a batch writes (and checkpoints) far
// fewer pages. zstd at its fastest level costs a few µs for a page of news.

// zstdCodec is the encoder and decoder, made on first use; both are safe
// for concurrent use through EncodeAll and DecodeAll. The encoder has a
// state per core: the analysis workers compress their pages at the same
// time, and with one state they took turns on it (≈ 0.6 s of a 1,171-page
// ingest's 3.3 s with a core idle, in a trace). The frames are the same
// whichever state made them.
var zstdCodec = sync.OnceValues(func() (*zstd.Encoder, *zstd.Decoder) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0)), zstd.WithLowerEncoderMem(true))
	if err != nil {
		panic(err) // only for invalid options
	}
	// the dictionaries of pack.go, for the frames that name them
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderDictRaw(eventDictID, []byte(eventDict)))
	if err != nil {
		panic(err)
	}
	return enc, dec
})

// compressRaw returns raw as stored and its compression: zstd, or as it
// is ("") when that is not smaller.
func compressRaw(raw []byte) ([]byte, string) {
	enc, _ := zstdCodec()
	z := enc.EncodeAll(raw, make([]byte, 0, len(raw)/2))
	if len(z) >= len(raw) {
		return raw, ""
	}
	return z, "zstd"
}

// decompressRaw returns the raw bytes stored with compression.
func decompressRaw(stored []byte, compression string) ([]byte, error) {
	switch compression {
	case "":
		return stored, nil
	case "zstd":
		_, dec := zstdCodec()
		return dec.DecodeAll(stored, nil)
	}
	return nil, fmt.Errorf("raw document compressed as %q, which this sitrep does not know", compression)
}
