package sqlite

import (
	"bytes"
	"database/sql/driver"
	"fmt"

	"github.com/klauspost/compress/zstd"
	"modernc.org/sqlite"
)

// Coded events (coded_events.body) and composed story pages
// (story_pages.page) are JSON written by this store and read back whole:
// they are stored zstd-compressed (issue 15: together they were half of a
// database's bytes). A stored value is either a zstd frame or, as written
// before migration 13, the JSON itself; the two are told apart by their
// first bytes (a zstd frame opens with its magic number, JSON with '{' or
// '['), so old and new rows read alike.
//
// A coded event is a small JSON object (about 1.5 KB) whose keys are most
// of its bytes once compressed alone, so it is compressed against a fixed
// dictionary of those keys (eventDict, id 1 in the frame header): 3.4×
// instead of 2.4× on the events of a real-text corpus. Pages are larger and
// compress well alone (4×).

// zstdMagic opens every zstd frame.
var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

// eventDictID names eventDict in the frames compressed with it. A stored
// frame names its dictionary for ever: eventDict must never change; a
// better one is added under a new id and the decoder given both.
const eventDictID = 1

// eventDict is a raw zstd dictionary: a coded event (event.Record as JSON)
// with its values emptied, the keys and punctuation in the order they are
// written. Never edit (see eventDictID).
const eventDict = `{"id":0,"story":0,"source":{"text":"","name":"","actor":0,"span":{"start":0,"end":0}},` +
	`"target":{"text":"","name":"","actor":0,"span":{"start":0,"end":0}},"all_sources":[{"text":"","name":"","actor":0,"span":{"start":0,"end":0}}],` +
	`"all_targets":[{"text":"","name":"","actor":0,"span":{"start":0,"end":0}}],"type":"","mode":"","context":"","cameo":"","cameo_root":"",` +
	`"quad_class":0,"goldstein":0,"verb":"","place":{"name":"","geonames_id":0,"lat":0,"lon":0,"country":"","stated":false},` +
	`"date":"","precision":"day","estimated":false,"status":"asserted","negated":false,"hypothetical":false,"quantities":{},` +
	`"mentions":[{"article":0,"sentence":0,"span":{"start":0,"end":0},"verb_span":{"start":0,"end":0},"outlet":"","text":"",` +
	`"published":"T00:00:00Z","url":"https://"},{"article":0,"sentence":0,"span":{"start":0,"end":0},"verb_span":{"start":0,"end":0},` +
	`"outlet":"","text":"","published":"T00:00:00Z","url":"https://"}],"num_mentions":0,"articles":0,"sources":0,` +
	`"first_report":{"article":0,"sentence":0,"span":{"start":0,"end":0},"verb_span":{"start":0,"end":0},"outlet":"","text":"",` +
	`"published":"T00:00:00Z","url":"https://"},"disagreements":{}}`

// eventEncoder compresses coded events against eventDict.
var eventEncoder = func() *zstd.Encoder {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1),
		zstd.WithLowerEncoderMem(true), zstd.WithEncoderDictRaw(eventDictID, []byte(eventDict)))
	if err != nil {
		panic(err) // only for invalid options
	}
	return enc
}()

// packEvent returns a coded event's JSON as stored.
func packEvent(js []byte) []byte {
	return eventEncoder.EncodeAll(js, make([]byte, 0, len(js)/3))
}

// packPage returns a story page's JSON as stored.
func packPage(js []byte) []byte {
	enc, _ := zstdCodec()
	return enc.EncodeAll(js, make([]byte, 0, len(js)/4))
}

// unpackJSON returns the JSON of a stored coded event or story page.
func unpackJSON(stored []byte) ([]byte, error) {
	if !bytes.HasPrefix(stored, zstdMagic) {
		return stored, nil
	}
	_, dec := zstdCodec()
	return dec.DecodeAll(stored, make([]byte, 0, 4*len(stored)))
}

// The SQL functions migration 13 compresses the rows written before with:
// sitrep_pack_event(body) and sitrep_pack_page(page) return a value as
// packEvent and packPage store it, and a value already compressed as it is.
func init() {
	for name, pack := range map[string]func([]byte) []byte{"sitrep_pack_event": packEvent, "sitrep_pack_page": packPage} {
		sqlite.MustRegisterDeterministicScalarFunction(name, 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			var b []byte
			switch v := args[0].(type) {
			case string:
				b = []byte(v)
			case []byte:
				b = v
			default:
				return nil, fmt.Errorf("%s: a %T, not text", name, v)
			}
			if bytes.HasPrefix(b, zstdMagic) {
				return b, nil
			}
			return pack(b), nil
		})
	}
}
