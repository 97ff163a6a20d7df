package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
	"github.com/sitrep/sitrep/internal/view/storeview"
)

func init() {
	register(&command{
		name: "articles", summary: "list stored articles (id, outlet, published, title)",
		usage: "[--db FILE] [--json] [--limit N] [--outlet NAME]", run: runArticles,
	})
	register(&command{
		name: "article", summary: "show one article: metadata and clean text",
		usage: "[--db FILE] [--json] [--entities] ID", run: runArticle,
	})
}

// articleJSON is the stable JSON form of an article.
type articleJSON struct {
	ID                 int64          `json:"id"`
	URL                string         `json:"url"`
	Outlet             string         `json:"outlet"`
	OutletSource       string         `json:"outlet_source,omitempty"`
	OutletEvidence     string         `json:"outlet_evidence,omitempty"`
	Title              string         `json:"title"`
	Authors            []string       `json:"authors"`
	Published          *string        `json:"published"`
	PublishedEstimated bool           `json:"published_estimated"`
	PublishedSource    string         `json:"published_source,omitempty"`
	PublishedEvidence  string         `json:"published_evidence,omitempty"`
	Language           string         `json:"language"`
	Dateline           string         `json:"dateline,omitempty"`
	Summary            string         `json:"summary,omitempty"`
	Credits            []clean.Credit `json:"credits,omitempty"`
	Captions           []string       `json:"captions,omitempty"`
	Origin             string         `json:"origin"`
	MediaType          string         `json:"media_type"`
	Version            int            `json:"version"`
	PreviousID         *int64         `json:"previous_id"`
	Ingested           string         `json:"ingested"`
	Text               string         `json:"text,omitempty"`
	Sentences          []spanJSON     `json:"sentences,omitempty"`
	Mentions           []mentionJSON  `json:"mentions,omitempty"`
	Analysis           *view.Analysis `json:"analysis,omitempty"`
	Faults             []view.Fault   `json:"faults,omitempty"`
}

type spanJSON struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// mentionJSON is an entity mention; start and end are byte offsets into text.
type mentionJSON struct {
	Text       string  `json:"text"`
	Type       string  `json:"type"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Sentence   int     `json:"sentence"`
	Confidence float32 `json:"confidence"`
	Demonym    bool    `json:"demonym,omitempty"`
}

func toJSON(a *store.Article, withText bool) articleJSON {
	j := articleJSON{
		ID: a.ID, URL: a.URL, Outlet: a.Outlet, OutletSource: a.OutletSource, OutletEvidence: a.OutletEvidence,
		Title: a.Title, Authors: a.Authors, PublishedEstimated: a.PublishedEstimated, PublishedSource: a.PublishedSource,
		PublishedEvidence: a.PublishedEvidence, Language: a.Language, Dateline: a.Dateline, Summary: a.Summary,
		Credits: a.Credits, Captions: a.Captions, Origin: a.Origin, MediaType: a.MediaType, Version: a.Version,
		Ingested: a.Ingested.Format(time.RFC3339),
	}
	if j.Authors == nil {
		j.Authors = []string{}
	}
	if !a.Published.IsZero() {
		s := a.Published.Format(time.RFC3339)
		j.Published = &s
	}
	if a.PreviousID != 0 {
		id := a.PreviousID
		j.PreviousID = &id
	}
	if withText {
		j.Text = a.Text
	}
	return j
}

func runArticles(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, commands["articles"])
	dbPath := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print a JSON array")
	limit := fs.Int("limit", 0, "show at most `N` articles (0: all)")
	outlet := fs.String("outlet", "", "only articles of outlet `NAME`")
	withText := fs.Bool("text", false, "include the text in --json output")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"unexpected argument " + pos[0]}
	}
	db, err := openExistingDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	arts, err := db.Articles(ctx, store.Query{Limit: *limit, Outlet: *outlet})
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]articleJSON, 0, len(arts))
		for _, a := range arts {
			out = append(out, toJSON(a, *withText))
		}
		return writeJSON(e.stdout, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tOUTLET\tPUBLISHED\tTITLE")
	for _, a := range arts {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", a.ID, orDash(truncate(a.Outlet, 24)), publishedShort(a), truncate(displayTitle(a), 80))
	}
	return tw.Flush()
}

func runArticle(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, commands["article"])
	dbPath := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print a JSON object (with sentences and mentions by byte offset)")
	entities := fs.Bool("entities", false, "mark entity mentions in the text: [Ash Carter]PER")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"want exactly one article ID"}
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return usageError{fmt.Sprintf("article ID must be a number, not %q", pos[0])}
	}
	db, err := openExistingDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := db.Article(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no article %d", id)
	}
	if err != nil {
		return err
	}
	ann, err := db.Annotation(ctx, id)
	if err != nil {
		return err
	}
	faults, err := db.Faults(ctx, id)
	if err != nil {
		return err
	}
	analysis := storeview.AnalysisOf(a)
	var vfaults []view.Fault
	for _, f := range faults {
		vfaults = append(vfaults, view.Fault{Stage: f.Stage, Message: f.Message, Where: f.Where, At: f.At})
	}
	if *asJSON {
		j := toJSON(a, true)
		j.Analysis, j.Faults = &analysis, vfaults
		for _, s := range ann.Sentences {
			j.Sentences = append(j.Sentences, spanJSON{s.Start, s.End})
		}
		for _, m := range ann.Mentions {
			j.Mentions = append(j.Mentions, mentionJSON{Text: a.Text[m.Start:m.End], Type: m.Type, Start: m.Start, End: m.End, Sentence: m.Sentence, Confidence: m.Confidence, Demonym: m.Demonym})
		}
		return writeJSON(e.stdout, j)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s\n\n", displayTitle(a))
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-10s %s\n", k+":", v)
		}
	}
	field("id", strconv.FormatInt(a.ID, 10))
	outlet := orDash(a.Outlet)
	if a.OutletSource != "" && a.OutletSource != "metadata" {
		outlet += fmt.Sprintf("  (from %s: %q)", a.OutletSource, truncate(a.OutletEvidence, 70))
	}
	field("outlet", outlet)
	field("authors", strings.Join(a.Authors, ", "))
	pub := publishedShort(a)
	if a.PublishedEvidence != "" {
		pub += fmt.Sprintf("  (%s: %s)", a.PublishedSource, truncate(a.PublishedEvidence, 80))
	}
	field("published", pub)
	field("dateline", a.Dateline)
	if a.Language != "" {
		field("language", analysis.Language)
	}
	an := analysis.Status
	if analysis.Note != "" {
		an = analysis.Note
	}
	field("analysis", an)
	for _, f := range vfaults {
		field("fault", f.Stage+": "+f.Message+" ("+f.Where+")")
	}
	field("url", a.URL)
	field("origin", a.Origin)
	if a.Version > 1 {
		field("version", fmt.Sprintf("%d (previous: article %d)", a.Version, a.PreviousID))
	}
	field("credits", clean.CreditNames(a.Credits))
	body := a.Text
	if *entities {
		body = markEntities(a.Text, ann)
		fmt.Fprintf(w, "entities:  %d mentions in %d sentences\n", len(ann.Mentions), len(ann.Sentences))
	}
	fmt.Fprintf(w, "\n%s\n", body)
	return nil
}

// markEntities writes each mention as [words]TYPE, a plain-text mark that
// survives any terminal and pipe.
func markEntities(text string, ann *analyse.Annotation) string {
	var b strings.Builder
	last := 0
	for _, m := range ann.Mentions {
		if m.Start < last || m.End > len(text) {
			continue
		}
		b.WriteString(text[last:m.Start])
		b.WriteString("[" + text[m.Start:m.End] + "]" + m.Type)
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func displayTitle(a *store.Article) string {
	if a.Title != "" {
		return a.Title
	}
	t := strings.SplitN(a.Text, "\n", 2)[0]
	return "(untitled) " + truncate(t, 70)
}

func publishedShort(a *store.Article) string {
	if a.Published.IsZero() {
		return "unknown"
	}
	s := a.Published.Format("2006-01-02")
	if a.Published.Hour() != 0 || a.Published.Minute() != 0 {
		s = a.Published.Format("2006-01-02 15:04")
	}
	if a.PublishedEstimated {
		s += " (est.)"
	}
	return s
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
