package postgres

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5/pgtype"
	"golang.org/x/text/unicode/norm"

	"github.com/sitrep/sitrep/internal/query"
)

// Full-text search folds text as the SQLite store's FTS5 index does
// (tokenizer unicode61, remove_diacritics): words are runs of letters and
// digits, in lower case, without diacritics. Fold does it in Go, before
// PostgreSQL's 'simple' configuration (no stemming, no stop words) makes
// the tsvector, so both stores find the same articles for a query, and no
// extension (unaccent) is needed.

// Fold returns s as the words the index keeps, separated by spaces.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // a diacritic
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// TSQuery parses a search query (internal/query syntax: words, "phrases",
// prefix*, AND, OR, NOT, parentheses) into tsquery syntax for
// to_tsquery('simple', …), or returns the *query.Error of a query that
// cannot be parsed.
func TSQuery(q string) (string, error) {
	fts, err := query.FTS5(q)
	if err != nil {
		return "", err
	}
	return fromFTS5(fts)
}

// fromFTS5 rewrites a query as internal/query writes it for FTS5 (every
// term quoted, operators in capitals, groups in parentheses) in tsquery
// syntax: a term is the phrase of its folded words ('a' <-> 'b'), a
// prefix term's last word gets :*, and AND, OR, NOT become &, |, & !.
func fromFTS5(fts string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(fts); {
		switch c := fts[i]; {
		case c == '"':
			// a term: up to the closing quote ("" is a quote inside it)
			var term strings.Builder
			j := i + 1
			for ; j < len(fts); j++ {
				if fts[j] == '"' {
					if j+1 < len(fts) && fts[j+1] == '"' {
						term.WriteByte('"')
						j++
						continue
					}
					break
				}
				term.WriteByte(fts[j])
			}
			i = j + 1
			prefix := i < len(fts) && fts[i] == '*'
			if prefix {
				i++
			}
			words := strings.Fields(Fold(term.String()))
			if len(words) == 0 {
				return "", &query.Error{Query: fts, Msg: "nothing to search for", Hint: "type words with letters or digits"}
			}
			b.WriteByte('(')
			for k, w := range words {
				if k > 0 {
					b.WriteString(" <-> ")
				}
				b.WriteString("'" + w + "'")
			}
			if prefix {
				b.WriteString(":*")
			}
			b.WriteByte(')')
		case c == '(' || c == ')':
			b.WriteByte(c)
			i++
		case c == ' ':
			i++
		case strings.HasPrefix(fts[i:], "AND "):
			b.WriteString(" & ")
			i += 4
		case strings.HasPrefix(fts[i:], "OR "):
			b.WriteString(" | ")
			i += 3
		case strings.HasPrefix(fts[i:], "NOT "):
			b.WriteString(" & !")
			i += 4
		default:
			return "", fmt.Errorf("search: unexpected %q in %q", fts[i:], fts)
		}
	}
	return b.String(), nil
}

// PostgreSQL's limits on a tsvector as to_tsvector builds it: positions
// run to 16383, a lexeme keeps its first 255, and a lexeme is at most
// 2047 bytes.
const (
	maxPos        = 16383
	maxPositions  = 255
	maxLexemeSize = 2047
	maxVectorSize = 900_000
)

// TSVector returns the tsvector of s as to_tsvector('simple', Fold(s))
// computes it (each folded word a lexeme at its positions), so that the
// server only reads it: building it in Go spares the database the
// parsing, the costliest part of storing an article. pgx sends it in the
// binary form, lexemes in the server's order (bytewise, as Go compares
// strings), which the server takes without parsing or sorting words.
//
// Each word's positions are not kept in a slice of their own: the words
// are numbered in order of first use, the kept positions listed once with
// their word's number, and each word's run of the one positions array
// cut from that list, so that an article's few hundred words cost no
// allocation each.
func TSVector(s string) pgtype.TSVector {
	words := strings.Fields(Fold(s))
	type use struct {
		lex int32 // the word's number: its index in order
		pos uint16
	}
	num := make(map[string]int32, len(words)/2)
	var order []string // the words in order of first use
	var count []int    // positions kept a word
	uses := make([]use, 0, len(words))
	n := 0
	for _, w := range words {
		if len(w) > maxLexemeSize {
			continue // PostgreSQL drops such words too
		}
		n++
		i, seen := num[w]
		if !seen {
			i = int32(len(order))
			num[w] = i
			order = append(order, w)
			count = append(count, 0)
		}
		if count[i] < maxPositions {
			count[i]++
			uses = append(uses, use{i, uint16(min(n, maxPos))})
		}
	}
	// A tsvector holds at most 1 MB (4 bytes an entry, the lexeme, 2
	// bytes a position): the words a longer text uses first are kept.
	size, kept := 0, len(order)
	for i, w := range order {
		if size += 4 + len(w) + 2*count[i]; size > maxVectorSize {
			kept = i
			break
		}
	}
	sorted := make([]int32, kept)
	for i := range sorted {
		sorted[i] = int32(i)
	}
	slices.SortFunc(sorted, func(a, b int32) int { return strings.Compare(order[a], order[b]) })
	// each kept word's run in all, in the sorted order; fill is where its
	// next position goes
	fill := make([]int, kept)
	npos := 0
	for _, i := range sorted {
		fill[i] = npos
		npos += count[i]
	}
	from := slices.Clone(fill)
	all := make([]pgtype.TSVectorPosition, npos)
	for _, u := range uses {
		if int(u.lex) >= kept {
			continue
		}
		f := fill[u.lex]
		if f > from[u.lex] && all[f-1].Position == u.pos {
			continue // positions past the limit all become maxPos, once
		}
		all[f] = pgtype.TSVectorPosition{Position: u.pos}
		fill[u.lex] = f + 1
	}
	v := pgtype.TSVector{Lexemes: make([]pgtype.TSVectorLexeme, kept), Valid: true}
	for j, i := range sorted {
		v.Lexemes[j] = pgtype.TSVectorLexeme{Word: order[i], Positions: all[from[i]:fill[i]:fill[i]]}
	}
	return v
}
