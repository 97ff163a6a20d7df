package sqlite

import (
	"cmp"
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"modernc.org/sqlite"

	"github.com/sitrep/sitrep/internal/analyse"
)

// An article's named-entity mentions are stored as one value
// (article_mentions.packed, migration 18) instead of a row each: they are
// only ever read whole, by article (Annotation), and a row each — about 64
// an article of news, each in the table and in its index — was a third of
// the rows Put wrote and 3 KB an article.
//
// The form: a version byte, the number of mentions (uvarint), then per
// mention, in the order Annotation returns them (by start; ties in the
// order given):
//
//	uvarint  zigzag(sentence − previous sentence)
//	uvarint  zigzag(start − previous start)
//	uvarint  zigzag(end − start)
//	byte     type code << 1 | demonym (code mentionOther: a uvarint length and the type's bytes follow)
//	4 bytes  confidence, float32 bits, little-endian
const mentionsV1 = 1

// mentionTypes are the types written as a code; any other is written out
// (mentionOther). Append only: a stored code means its type for ever.
var mentionTypes = []string{"PER", "ORG", "LOC", "MISC"}

const mentionOther = 127

// sortedMentions returns ms by start, ties in their order: the order
// Annotation returned them in when they were rows read by start through
// the index (article_id, start), whose ties are in rowid order.
func sortedMentions(ms []analyse.Mention) []analyse.Mention {
	if slices.IsSortedFunc(ms, func(a, b analyse.Mention) int { return cmp.Compare(a.Start, b.Start) }) {
		return ms
	}
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, func(a, b analyse.Mention) int { return cmp.Compare(a.Start, b.Start) })
	return ms
}

// mentionPacker appends mentions, in their order, to a packed value.
type mentionPacker struct {
	b               []byte
	n               uint64
	sentence, start int64
}

func newMentionPacker(n int) *mentionPacker {
	return &mentionPacker{b: make([]byte, 0, 10*n)}
}

// value returns the packed value of the mentions added.
func (p *mentionPacker) value() []byte {
	head := binary.AppendUvarint([]byte{mentionsV1}, p.n)
	return append(head, p.b...)
}

func (p *mentionPacker) add(sentence, start, end int64, typ string, confidence float32, demonym bool) {
	p.n++
	p.b = binary.AppendVarint(p.b, sentence-p.sentence)
	p.b = binary.AppendVarint(p.b, start-p.start)
	p.b = binary.AppendVarint(p.b, end-start)
	p.sentence, p.start = sentence, start
	code := byte(mentionOther)
	if i := slices.Index(mentionTypes, typ); i >= 0 {
		code = byte(i)
	}
	flags := code << 1
	if demonym {
		flags |= 1
	}
	p.b = append(p.b, flags)
	if code == mentionOther {
		p.b = binary.AppendUvarint(p.b, uint64(len(typ)))
		p.b = append(p.b, typ...)
	}
	p.b = binary.LittleEndian.AppendUint32(p.b, math.Float32bits(confidence))
}

// packMentions returns an article's mentions as stored, nil for none (no
// row is written).
func packMentions(ms []analyse.Mention) []byte {
	if len(ms) == 0 {
		return nil
	}
	p := newMentionPacker(len(ms))
	for _, m := range sortedMentions(ms) {
		p.add(int64(m.Sentence), int64(m.Start), int64(m.End), m.Type, m.Confidence, m.Demonym)
	}
	return p.value()
}

var errMentions = errors.New("packed mentions: damaged value")

// unpackMentions returns the mentions of a stored value.
func unpackMentions(b []byte) ([]analyse.Mention, error) {
	if len(b) == 0 {
		return nil, nil
	}
	if b[0] != mentionsV1 {
		return nil, fmt.Errorf("packed mentions: version %d, which this sitrep does not know", b[0])
	}
	count, k := binary.Uvarint(b[1:])
	if k <= 0 || count > uint64(len(b)) {
		return nil, errMentions
	}
	b = b[1+k:]
	if count == 0 && len(b) == 0 {
		return nil, nil
	}
	out := make([]analyse.Mention, 0, count)
	var sentence, start int64
	varint := func() int64 {
		v, n := binary.Varint(b)
		if n <= 0 {
			b = nil
			return 0
		}
		b = b[n:]
		return v
	}
	for range count {
		sentence += varint()
		start += varint()
		end := start + varint()
		if len(b) < 1 {
			return nil, errMentions
		}
		flags := b[0]
		b = b[1:]
		var typ string
		if code := int(flags >> 1); code < len(mentionTypes) {
			typ = mentionTypes[code]
		} else if code == mentionOther {
			n, k := binary.Uvarint(b)
			if k <= 0 || uint64(len(b)-k) < n {
				return nil, errMentions
			}
			typ = string(b[k : k+int(n)])
			b = b[k+int(n):]
		} else {
			return nil, errMentions
		}
		if len(b) < 4 {
			return nil, errMentions
		}
		conf := math.Float32frombits(binary.LittleEndian.Uint32(b))
		b = b[4:]
		out = append(out, analyse.Mention{Span: analyse.Span{Start: int(start), End: int(end)}, Type: typ, Sentence: int(sentence),
			Confidence: conf, Demonym: flags&1 != 0})
	}
	if len(b) > 0 {
		return nil, errMentions
	}
	return out, nil
}

// sitrep_pack_mentions(sentence, start, end, type, confidence, demonym
// ORDER BY start, id) is the aggregate migration 18 packs each article's
// rows of the mentions table with: the value packMentions stores for them.
func init() {
	sqlite.MustRegisterFunction("sitrep_pack_mentions", &sqlite.FunctionImpl{
		NArgs:         6,
		Deterministic: true,
		MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) {
			return &mentionAgg{p: newMentionPacker(64)}, nil
		},
	})
}

// mentionAgg is sitrep_pack_mentions over one article's rows.
type mentionAgg struct{ p *mentionPacker }

func (a *mentionAgg) Step(_ *sqlite.FunctionContext, args []driver.Value) error {
	var ints [3]int64
	for i := range ints {
		v, ok := args[i].(int64)
		if !ok {
			return fmt.Errorf("sitrep_pack_mentions: argument %d is a %T, not an integer", i+1, args[i])
		}
		ints[i] = v
	}
	var typ string
	switch v := args[3].(type) {
	case string:
		typ = v
	case []byte:
		typ = string(v)
	default:
		return fmt.Errorf("sitrep_pack_mentions: type is a %T", v)
	}
	var conf float64
	switch v := args[4].(type) {
	case float64:
		conf = v
	case int64:
		conf = float64(v)
	default:
		return fmt.Errorf("sitrep_pack_mentions: confidence is a %T", v)
	}
	demonym, _ := args[5].(int64)
	a.p.add(ints[0], ints[1], ints[2], typ, float32(conf), demonym != 0)
	return nil
}

func (a *mentionAgg) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	return errors.New("sitrep_pack_mentions: not a window function")
}

func (a *mentionAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	return a.p.value(), nil
}

func (a *mentionAgg) Final(*sqlite.FunctionContext) {}
