package sqlite

import (
	"cmp"
	"database/sql/driver"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"modernc.org/sqlite"

	"github.com/sitrep/sitrep/internal/store"
)

// An article's references to one actor are stored as one packed list
// (actor_ref_lists, migration 19), as the PostgreSQL store keeps them
// (its migration 10), instead of a row each: about 69 references an
// article of news, each a row in the table and an entry in two indexes,
// were 4.2 KB an article and a tenth of the rows PutDerived wrote; they
// fall to about 25 lists an article. Every reader of references reads
// them by article or by actor, which the list's key (article_id,
// actor_id) and its index (actor_id, article_id) still serve.
//
// Each reference keeps its ord: its place among its article's
// references as written (their rowid order when they were rows), so
// that readers list an article's references in that order across its
// lists, and two lists merged (an actor folded into another) interleave
// as the rows did.
//
// The form: a version byte, the number of references (uvarint), then
// per reference, in ord order:
//
//	varint  ord − previous ord
//	varint  sentence − previous sentence
//	varint  start − previous start
//	varint  end − start
//	byte    kind code (refOther: a uvarint length and the kind's bytes follow)
const refsV1 = 1

// refKinds are the kinds written as a code; any other is written out
// (refOther). Append only: a stored code means its kind for ever.
var refKinds = []string{"name", "role", "acronym", "pronoun"}

const refOther = 127

// listRef is one reference of a packed list.
type listRef struct {
	ord, sentence, start, end int64
	kind                      string
}

// packRefs returns refs, which are in ord order, as stored.
func packRefs(refs []listRef) []byte {
	b := make([]byte, 0, 2+8*len(refs))
	b = append(b, refsV1)
	b = binary.AppendUvarint(b, uint64(len(refs)))
	var ord, sentence, start int64
	for _, r := range refs {
		b = binary.AppendVarint(b, r.ord-ord)
		b = binary.AppendVarint(b, r.sentence-sentence)
		b = binary.AppendVarint(b, r.start-start)
		b = binary.AppendVarint(b, r.end-r.start)
		ord, sentence, start = r.ord, r.sentence, r.start
		if i := slices.Index(refKinds, r.kind); i >= 0 {
			b = append(b, byte(i))
		} else {
			b = append(b, refOther)
			b = binary.AppendUvarint(b, uint64(len(r.kind)))
			b = append(b, r.kind...)
		}
	}
	return b
}

var errRefs = errors.New("packed actor references: damaged value")

// unpackRefs appends the references of a stored list to dst.
func unpackRefs(dst []listRef, b []byte) ([]listRef, error) {
	if len(b) == 0 {
		return dst, errRefs
	}
	if b[0] != refsV1 {
		return dst, fmt.Errorf("packed actor references: version %d, which this sitrep does not know", b[0])
	}
	count, k := binary.Uvarint(b[1:])
	if k <= 0 || count > uint64(len(b)) {
		return dst, errRefs
	}
	b = b[1+k:]
	bad := false
	varint := func() int64 {
		v, n := binary.Varint(b)
		if n <= 0 {
			bad, b = true, nil
			return 0
		}
		b = b[n:]
		return v
	}
	var ord, sentence, start int64
	for range count {
		ord += varint()
		sentence += varint()
		start += varint()
		end := start + varint()
		if bad || len(b) < 1 {
			return dst, errRefs
		}
		code := b[0]
		b = b[1:]
		var kind string
		switch {
		case int(code) < len(refKinds):
			kind = refKinds[code]
		case code == refOther:
			n, k := binary.Uvarint(b)
			if k <= 0 || uint64(len(b)-k) < n {
				return dst, errRefs
			}
			kind = string(b[k : k+int(n)])
			b = b[k+int(n):]
		default:
			return dst, errRefs
		}
		dst = append(dst, listRef{ord: ord, sentence: sentence, start: start, end: end, kind: kind})
	}
	if len(b) > 0 {
		return dst, errRefs
	}
	return dst, nil
}

// refCount returns the number of references of a stored list (its
// header alone).
func refCount(b []byte) (int, error) {
	if len(b) < 2 || b[0] != refsV1 {
		return 0, errRefs
	}
	n, k := binary.Uvarint(b[1:])
	if k <= 0 || n > uint64(len(b)) {
		return 0, errRefs
	}
	return int(n), nil
}

// refList is one (article, actor) list to write.
type refList struct {
	article, actor int64
	refs           []listRef
}

// refLists groups a batch's references by (article, actor), each list in
// the order given, each reference's ord its place among its article's
// references in refs; lists in the order of their first reference. (The
// corpus stage writes an article's references at once.)
func refLists(refs []store.ActorRef) []refList {
	type key struct{ article, actor int64 }
	at := map[key]int{}
	var out []refList
	ord, last := int64(0), int64(0)
	for i, r := range refs {
		if i == 0 || r.Article != last {
			ord, last = 0, r.Article
		}
		k := key{r.Article, r.Actor}
		j, ok := at[k]
		if !ok {
			j = len(out)
			at[k] = j
			out = append(out, refList{article: r.Article, actor: r.Actor})
		}
		out[j].refs = append(out[j].refs, listRef{ord: ord, sentence: int64(r.Sentence), start: int64(r.Start), end: int64(r.End), kind: r.Kind})
		ord++
	}
	return out
}

// mergeRefs returns two stored lists of one article as one, in ord order
// (a list of an actor folded into another's).
func mergeRefs(a, b []byte) ([]byte, error) {
	refs, err := unpackRefs(nil, a)
	if err != nil {
		return nil, err
	}
	if refs, err = unpackRefs(refs, b); err != nil {
		return nil, err
	}
	slices.SortStableFunc(refs, func(x, y listRef) int { return cmp.Compare(x.ord, y.ord) })
	return packRefs(refs), nil
}

// blobArg returns a function's argument as bytes.
func blobArg(name string, v driver.Value) ([]byte, error) {
	switch v := v.(type) {
	case []byte:
		return v, nil
	case string:
		return []byte(v), nil
	}
	return nil, fmt.Errorf("%s: a %T, not a blob", name, v)
}

// aliasKind reports whether a reference's text names its actor the way
// readers know it too (role nouns, acronyms: view.Actor.Aliases).
func aliasKind(kind string) bool { return kind == "role" || kind == "acronym" }

// The SQL functions over packed lists, for the queries that read single
// references (what a list's references say, not only that it exists):
//
//	sitrep_pack_refs(ord, sentence, start, end, kind ORDER BY ord)
//	    the aggregate migration 19 packs each (article, actor)'s rows with;
//	sitrep_merge_refs(a, b)
//	    mergeRefs (an upsert onto an existing list, a folded actor's);
//	sitrep_ref_aliases(packed)
//	    1 when the list holds a role noun or an acronym, else 0;
//	sitrep_ref_texts(packed, text)
//	    a JSON array of the texts (the bytes of the article's text between
//	    start and end) of those references, in ord order;
//	sitrep_ref_sentences(packed)
//	    a JSON array of the list's sentences, in ord order;
//	sitrep_ref_rows(packed)
//	    a JSON array of the list's references as arrays [ord, sentence,
//	    start, end, kind] (for checks over the stored references).
func init() {
	sqlite.MustRegisterFunction("sitrep_pack_refs", &sqlite.FunctionImpl{
		NArgs:         5,
		Deterministic: true,
		MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) {
			return &refAgg{}, nil
		},
	})
	sqlite.MustRegisterDeterministicScalarFunction("sitrep_merge_refs", 2, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		a, err := blobArg("sitrep_merge_refs", args[0])
		if err != nil {
			return nil, err
		}
		b, err := blobArg("sitrep_merge_refs", args[1])
		if err != nil {
			return nil, err
		}
		return mergeRefs(a, b)
	})
	sqlite.MustRegisterDeterministicScalarFunction("sitrep_ref_aliases", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		b, err := blobArg("sitrep_ref_aliases", args[0])
		if err != nil {
			return nil, err
		}
		refs, err := unpackRefs(nil, b)
		if err != nil {
			return nil, err
		}
		for _, r := range refs {
			if aliasKind(r.kind) {
				return int64(1), nil
			}
		}
		return int64(0), nil
	})
	sqlite.MustRegisterDeterministicScalarFunction("sitrep_ref_texts", 2, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		b, err := blobArg("sitrep_ref_texts", args[0])
		if err != nil {
			return nil, err
		}
		text, err := blobArg("sitrep_ref_texts", args[1])
		if err != nil {
			return nil, err
		}
		refs, err := unpackRefs(nil, b)
		if err != nil {
			return nil, err
		}
		// text, not a blob: SQLite's JSON functions read a blob as JSONB
		out, err := json.Marshal(refTexts(refs, text))
		return string(out), err
	})
	sqlite.MustRegisterDeterministicScalarFunction("sitrep_ref_sentences", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		b, err := blobArg("sitrep_ref_sentences", args[0])
		if err != nil {
			return nil, err
		}
		refs, err := unpackRefs(nil, b)
		if err != nil {
			return nil, err
		}
		ss := make([]int64, len(refs))
		for i, r := range refs {
			ss[i] = r.sentence
		}
		out, err := json.Marshal(ss)
		return string(out), err
	})
}

func init() {
	sqlite.MustRegisterDeterministicScalarFunction("sitrep_ref_rows", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		b, err := blobArg("sitrep_ref_rows", args[0])
		if err != nil {
			return nil, err
		}
		refs, err := unpackRefs(nil, b)
		if err != nil {
			return nil, err
		}
		rows := make([][]any, len(refs))
		for i, r := range refs {
			rows[i] = []any{r.ord, r.sentence, r.start, r.end, r.kind}
		}
		out, err := json.Marshal(rows)
		return string(out), err
	})
}

// refTexts returns the texts of the role and acronym references of refs,
// in their order: the bytes of text from start to end, as SQL's
// substr(CAST(text AS BLOB), start + 1, end - start) cuts them (clipped
// to the text).
func refTexts(refs []listRef, text []byte) []string {
	out := []string{}
	for _, r := range refs {
		if !aliasKind(r.kind) {
			continue
		}
		out = append(out, string(sliceBytes(text, r.start, r.end)))
	}
	return out
}

// sliceBytes is text[start:end] clipped to the text, as substr clips.
func sliceBytes(text []byte, start, end int64) []byte {
	start, end = max(start, 0), min(end, int64(len(text)))
	if end <= start {
		return nil
	}
	return text[start:end]
}

// refAgg is sitrep_pack_refs over one (article, actor)'s rows.
type refAgg struct{ refs []listRef }

func (a *refAgg) Step(_ *sqlite.FunctionContext, args []driver.Value) error {
	var ints [4]int64
	for i := range ints {
		v, ok := args[i].(int64)
		if !ok {
			return fmt.Errorf("sitrep_pack_refs: argument %d is a %T, not an integer", i+1, args[i])
		}
		ints[i] = v
	}
	var kind string
	switch v := args[4].(type) {
	case string:
		kind = v
	case []byte:
		kind = string(v)
	default:
		return fmt.Errorf("sitrep_pack_refs: kind is a %T", v)
	}
	a.refs = append(a.refs, listRef{ord: ints[0], sentence: ints[1], start: ints[2], end: ints[3], kind: kind})
	return nil
}

func (a *refAgg) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	return errors.New("sitrep_pack_refs: not a window function")
}

func (a *refAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	return packRefs(a.refs), nil
}

func (a *refAgg) Final(*sqlite.FunctionContext) {}

// ArticleRefs returns an article's actor references from its stored lists
// (actor_ref_lists: actor ids and packed values), by start, ties by actor
// and then in the order written: the order of the index (article_id,
// start, actor_id) through which they were read when they were rows. For
// readers of the database outside the store (sitrep eval pipeline).
func ArticleRefs(article int64, actors []int64, packed [][]byte) ([]store.ActorRef, error) {
	type ref struct {
		store.ActorRef
		ord int64
	}
	var all []ref
	var buf []listRef
	for i, b := range packed {
		var err error
		if buf, err = unpackRefs(buf[:0], b); err != nil {
			return nil, err
		}
		for _, x := range buf {
			all = append(all, ref{store.ActorRef{Article: article, Actor: actors[i], Sentence: int(x.sentence), Start: int(x.start), End: int(x.end), Kind: x.kind}, x.ord})
		}
	}
	slices.SortFunc(all, func(a, b ref) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Actor, b.Actor), cmp.Compare(a.ord, b.ord))
	})
	out := make([]store.ActorRef, len(all))
	for i, x := range all {
		out[i] = x.ActorRef
	}
	return out, nil
}
