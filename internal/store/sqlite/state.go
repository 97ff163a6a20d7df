package sqlite

import (
	"bytes"
	"database/sql/driver"
	"fmt"

	"modernc.org/sqlite"
)

// The corpus state (state.value, state_log.value: the clusterer's and the
// entity registry's blobs and their change logs) is stored
// zstd-compressed from migration 17 on (issue 15: at 2,000 articles it was
// a fifth of the database, a JSON registry that shrinks 6× and a binary
// clusterer that shrinks by a third, rewritten batch after batch).
//
// A stored value that opens with zstd's magic number is a frame holding
// the value; any other is the value itself. Small values (a counter, an
// article id) are kept as they are, unless they open with the magic
// number themselves, which are compressed so that they read back as
// written. Migration 17 stores the values written before by the same rule,
// so a value never means two things.
const packStateMin = 256

// packState returns a state value as stored.
func packState(b []byte) []byte {
	if len(b) < packStateMin && !bytes.HasPrefix(b, zstdMagic) {
		return nonNilBytes(b)
	}
	enc, _ := zstdCodec()
	return enc.EncodeAll(b, make([]byte, 0, len(b)/2))
}

// unpackState returns a stored state value.
func unpackState(stored []byte) ([]byte, error) {
	if !bytes.HasPrefix(stored, zstdMagic) {
		return stored, nil
	}
	_, dec := zstdCodec()
	b, err := dec.DecodeAll(stored, nil)
	if err != nil {
		return nil, fmt.Errorf("state value: %w", err)
	}
	return nonNilBytes(b), nil
}

// sitrep_pack_state(value) stores a value written before migration 17 as
// packState stores it.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("sitrep_pack_state", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch v := args[0].(type) {
		case string:
			return packState([]byte(v)), nil
		case []byte:
			return packState(v), nil
		case nil:
			return nil, nil
		default:
			return nil, fmt.Errorf("sitrep_pack_state: a %T, not a blob", v)
		}
	})
}
