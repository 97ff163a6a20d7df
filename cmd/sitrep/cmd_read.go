package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/query"
	"github.com/sitrep/sitrep/internal/view"
	"github.com/sitrep/sitrep/internal/view/storeview"
)

// The read commands: each lists or shows what the analysis holds, as a
// table for people or --json for machines (the same objects the HTTP API
// serves).

func init() {
	register(&command{name: "stories", summary: "list stories (events): headline, articles, outlets, first/last seen", usage: "[--db FILE] [--json] [--biggest] [--limit N] [--outlet NAME] [--actor NAME] [--place NAME]", run: runStories})
	register(&command{name: "story", summary: "show one story: cited summary, timeline, actors, places, quotes, outlet matrix", usage: "[--db FILE] [--json|--markdown] ID", run: runStory})
	register(&command{name: "storylines", summary: "list storylines: stories linked over weeks and months", usage: "[--db FILE] [--json]", run: runStorylines})
	register(&command{name: "entities", summary: "list actors with aliases merged: name, type, aliases, roles, mentions, outlets", usage: "[--db FILE] [--json] [--limit N] [--story ID] [--article ID] [--name TEXT]", run: runEntities})
	register(&command{name: "entity", summary: "show one actor, found by any of its names: roles, aliases, stories, quotes, sentences", usage: "[--db FILE] [--json] NAME|ID", run: runEntity})
	register(&command{name: "places", summary: "list places on the map: name, GeoNames id, lat/lon, country, mentions", usage: "[--db FILE] [--json] [--limit N] [--story ID] [--article ID]", run: runPlaces})
	register(&command{name: "quotes", summary: "list quotes with their speakers", usage: "[--db FILE] [--json] [--speaker NAME] [--min-confidence C] [--story ID] [--article ID] [--limit N]", run: runQuotes})
	register(&command{name: "timeline", summary: "dated statements sorted by the date they speak of", usage: "[--db FILE] [--json] [--story ID | --article ID] [--limit N]", run: runTimeline})
	register(&command{name: "search", summary: "full-text search with facets by actor, place, outlet and day", usage: "[--db FILE] [--json] [--outlet NAME] [--actor NAME] [--place NAME] [--from DATE] [--to DATE] QUERY", run: runSearch})
}

// openReader opens the database at path for reading through the read model.
func openReader(ctx context.Context, e *env, path string) (view.Reader, func() error, error) {
	db, err := openExistingDB(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	r := storeview.New(db)
	r.Compose = composeStory
	r.Page = func(ctx context.Context, id int64) (*view.Story, error) { return corpus.ComposeStory(ctx, db, id) }
	return r, db.Close, nil
}

// readFlags are the flags the read commands share.
type readFlags struct {
	db                   *string
	json                 *bool
	limit, offset        *int
	story, article       *int64
	outlet, actor, place *string
	from, to             *string
}

func addReadFlags(fs *flag.FlagSet, filters bool) *readFlags {
	f := &readFlags{db: dbFlag(fs), json: fs.Bool("json", false, "print JSON (the objects of the HTTP API)")}
	f.limit = fs.Int("limit", 50, "show at most `N`")
	f.offset = fs.Int("offset", 0, "skip the first `N`")
	if filters {
		f.story = fs.Int64("story", 0, "only story `ID`")
		f.article = fs.Int64("article", 0, "only article `ID`")
		f.outlet = fs.String("outlet", "", "only outlet `NAME`")
		f.actor = fs.String("actor", "", "only articles mentioning actor `NAME`")
		f.place = fs.String("place", "", "only articles mentioning place `NAME` or GeoNames id")
		f.from = fs.String("from", "", "only articles published on or after `DATE` (YYYY-MM-DD)")
		f.to = fs.String("to", "", "only articles published before `DATE` (YYYY-MM-DD)")
	}
	return f
}

func (f *readFlags) query() (view.Query, error) {
	q := view.Query{Limit: *f.limit, Offset: *f.offset}
	if q.Limit > view.MaxPageSize {
		q.Limit, q.LimitRequested = view.MaxPageSize, q.Limit
	}
	if f.story == nil {
		return q, nil
	}
	q.Story, q.Article, q.Outlet, q.Actor, q.Place = *f.story, *f.article, *f.outlet, *f.actor, *f.place
	for _, d := range []struct {
		s   string
		dst *time.Time
	}{{*f.from, &q.From}, {*f.to, &q.To}} {
		if d.s == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", d.s)
		if err != nil {
			return q, usageError{fmt.Sprintf("date %q: want YYYY-MM-DD", d.s)}
		}
		*d.dst = t
	}
	return q, nil
}

// withReader parses flags, opens the reader and runs f.
func withReader(ctx context.Context, e *env, name string, filters bool, extra func(fs *flag.FlagSet), f func(r view.Reader, rf *readFlags, q view.Query, pos []string) error) error {
	fs := newFlags(e, commands[name])
	rf := addReadFlags(fs, filters)
	if extra != nil {
		extra(fs)
	}
	pos, err := parseFlags(fs, args(ctx))
	if err != nil {
		return err
	}
	q, err := rf.query()
	if err != nil {
		return err
	}
	if q.LimitRequested > 0 && name != "export" {
		fmt.Fprintf(e.stderr, "sitrep %s: --limit %d is more than one page holds: showing at most %d (page on with --offset)\n", name, q.LimitRequested, q.Limit)
	}
	r, closeFn, err := openReader(ctx, e, *rf.db)
	if err != nil {
		return err
	}
	defer closeFn()
	err = f(r, rf, q, pos)
	var qe *query.Error
	switch {
	case errors.Is(err, view.ErrNotFound):
		return fmt.Errorf("%s: %w", name, err)
	case errors.As(err, &qe):
		return usageError{qe.Error()}
	}
	return err
}

type argsKey struct{}

// args returns the command-line arguments stashed in ctx by runWith.
func args(ctx context.Context) []string { s, _ := ctx.Value(argsKey{}).([]string); return s }

func runWith(ctx context.Context, a []string) context.Context {
	return context.WithValue(ctx, argsKey{}, a)
}

func tw(e *env) *tabwriter.Writer { return tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0) }

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02")
}

// seenDay is a story's first or last publication day; "undated" when none
// of its articles is dated.
func seenDay(t *time.Time) string { return dayOr(t, "undated") }

// estMark is "≈" before a date that is only estimated.
func estMark(estimated bool) string {
	if estimated {
		return "≈"
	}
	return ""
}

// seenRange is a story's span of publication days: "undated" when no
// member is dated.
func seenRange(first, last *time.Time) string {
	if first == nil || last == nil {
		return "undated"
	}
	if a, b := day(*first), day(*last); a != b {
		return a + " – " + b
	}
	return day(*first)
}

func more(e *env, total, shown, offset int) {
	if rest := total - offset - shown; rest > 0 {
		fmt.Fprintf(e.stdout, "… %d more (--offset %d)\n", rest, offset+shown)
	}
}

func runStories(ctx context.Context, e *env, a []string) error {
	var biggest *bool
	return withReader(runWith(ctx, a), e, "stories", true, func(fs *flag.FlagSet) {
		biggest = fs.Bool("biggest", false, "biggest first (default: newest first)")
	}, func(r view.Reader, rf *readFlags, q view.Query, pos []string) error {
		if len(pos) > 0 {
			return usageError{"unexpected argument " + pos[0]}
		}
		if *biggest {
			q.Sort = "biggest"
		}
		p, err := r.Stories(ctx, q)
		if err != nil {
			return err
		}
		if *rf.json {
			return writeJSON(e.stdout, p.Items)
		}
		w := tw(e)
		fmt.Fprintln(w, "ID\tARTICLES\tFIRST\tLAST\tLINE\tOUTLETS\tHEADLINE")
		for _, s := range p.Items {
			fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%d\t%s\t%s\n", s.ID, len(s.Articles), estMark(s.SeenEstimated)+seenDay(s.FirstSeen), estMark(s.SeenEstimated)+seenDay(s.LastSeen), s.Storyline,
				truncate(strings.Join(s.Outlets, ", "), 40), truncate(s.Headline, 80))
		}
		w.Flush()
		more(e, p.Total, len(p.Items), p.Offset)
		return nil
	})
}

func runStorylines(ctx context.Context, e *env, a []string) error {
	return withReader(runWith(ctx, a), e, "storylines", false, nil, func(r view.Reader, rf *readFlags, q view.Query, pos []string) error {
		p, err := r.Storylines(ctx, q)
		if err != nil {
			return err
		}
		if *rf.json {
			return writeJSON(e.stdout, p.Items)
		}
		for _, l := range p.Items {
			fmt.Fprintf(e.stdout, "storyline %d  %s  %s\n", l.ID, seenRange(l.FirstSeen, l.LastSeen), l.Headline)
			for _, s := range l.Stories {
				fmt.Fprintf(e.stdout, "  story %-5d %-11s  %2d articles  %s\n", s.ID, estMark(s.SeenEstimated)+seenDay(s.FirstSeen), len(s.Articles), truncate(s.Headline, 80))
			}
		}
		more(e, p.Total, len(p.Items), p.Offset)
		return nil
	})
}

func runEntities(ctx context.Context, e *env, a []string) error {
	var name *string
	return withReader(runWith(ctx, a), e, "entities", true, func(fs *flag.FlagSet) {
		name = fs.String("name", "", "only actors whose name or an alias contains `TEXT`")
	}, func(r view.Reader, rf *readFlags, q view.Query, pos []string) error {
		q.Text = *name
		p, err := r.Actors(ctx, q)
		if err != nil {
			return err
		}
		if *rf.json {
			return writeJSON(e.stdout, p.Items)
		}
		w := tw(e)
		fmt.Fprintln(w, "ID\tMENTIONS\tTYPE\tNAME\tALIASES\tROLE\tOUTLETS")
		for _, x := range p.Items {
			role := ""
			if len(x.Roles) > 0 {
				role = roleText(x.Roles[0])
			}
			fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%s\t%s\t%d\n", x.ID, x.Mentions, orDash(x.Type), truncate(x.Name, 32),
				truncate(strings.Join(x.Aliases, ", "), 40), truncate(role, 40), len(x.Outlets))
		}
		w.Flush()
		more(e, p.Total, len(p.Items), p.Offset)
		return nil
	})
}

// dayOr is the day of t, or alt when t is nil.
func dayOr(t *time.Time, alt string) string {
	if t == nil {
		return alt
	}
	return day(*t)
}

func roleText(r view.Role) string {
	s := r.Title
	if r.Organisation != "" {
		s += ", " + r.Organisation
	}
	if r.Country != "" {
		s += " (" + r.Country + ")"
	}
	return s
}

func runEntity(ctx context.Context, e *env, a []string) error {
	return withReader(runWith(ctx, a), e, "entity", false, nil, func(r view.Reader, rf *readFlags, q view.Query, pos []string) error {
		if len(pos) == 0 {
			return usageError{"want an actor name or id"}
		}
		p, err := r.Actor(ctx, strings.Join(pos, " "))
		if err != nil {
			return err
		}
		if *rf.json {
			return writeJSON(e.stdout, p)
		}
		w := e.stdout
		fmt.Fprintf(w, "%s  (%s%s)  actor %d, %d mentions in %d articles\n", p.Name, orDash(p.Type), prefixed(", ", p.Code), p.ID, p.Mentions, len(p.Articles))
		if len(p.Aliases) > 0 {
			fmt.Fprintf(w, "aliases:  %s\n", strings.Join(p.Aliases, "; "))
		}
		if p.Country != "" {
			fmt.Fprintf(w, "country:  %s\n", p.Country)
		}
		for _, ro := range p.Roles {
			when := ""
			switch {
			case ro.Date != nil:
				when = " (" + day(*ro.Date) + ")"
			case ro.From != nil || ro.Until != nil:
				when = " (" + dayOr(ro.From, "…") + " – " + dayOr(ro.Until, "…") + ", " + ro.Source + " " + ro.Code + ")"
			}
			fmt.Fprintf(w, "role:     %s%s\n", roleText(ro), when)
		}
		if len(p.Outlets) > 0 {
			fmt.Fprintf(w, "outlets:  %s\n", strings.Join(p.Outlets, ", "))
		}
		for _, s := range p.Stories {
			fmt.Fprintf(w, "story %d: %s\n", s.ID, truncate(s.Headline, 90))
		}
		if len(p.Quotes) > 0 {
			fmt.Fprintln(w, "\nquotes:")
			for _, q := range p.Quotes {
				fmt.Fprintf(w, "  [%d:%d] %s%s\n", q.Article, q.Sentence, reportedTag(q), truncate(q.Shown(), 150))
			}
		}
		if len(p.Texts) > 0 {
			fmt.Fprintln(w, "\nsentences:")
			for i, t := range p.Texts {
				if i == 20 {
					fmt.Fprintf(w, "  … %d more (--json)\n", len(p.Texts)-i)
					break
				}
				fmt.Fprintf(w, "  [%d:%d %s] %s\n", p.Sentences[i].Article, p.Sentences[i].Sentence, p.Sentences[i].Outlet, truncate(t, 150))
			}
		}
		return nil
	})
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

func runPlaces(ctx context.Context, e *env, a []string) error {
	return withReader(runWith(ctx, a), e, "places", true, nil, func(r view.Reader, rf *readFlags, q view.Query, pos []string) error {
		p, err := r.Places(ctx, q)
		if err != nil {
			return err
		}
		if *rf.json {
			return writeJSON(e.stdout, p.Items)
		}
		w := tw(e)
		fmt.Fprintln(w, "GEONAMES\tMENTIONS\tNAME\tCOUNTRY\tFEATURE\tLAT\tLON\tAS WRITTEN")
		for _, x := range p.Items {
			fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%s\t%.4f\t%.4f\t%s\n", x.GeonamesID, x.Mentions, x.Name, x.Country, x.Feature, x.Lat, x.Lon, truncate(strings.Join(x.Names, ", "), 40))
		}
		w.Flush()
		more(e, p.Total, len(p.Items), p.Offset)
		return nil
	})
}

func runQuotes(ctx context.Context, e *env, a []string) error {
	var speaker *string
	var minConf *float64
	return withReader(runWith(ctx, a), e, "quotes", true, func(fs *flag.FlagSet) {
		speaker = fs.String("speaker", "", "only quotes of speaker `NAME` (any alias)")
		minConf = fs.Float64("min-confidence", 0.6, "hide quotes scored below `C`: speech cues and quotations score ≥ 0.6; 0.45–0.55 are stance verbs (\"criticized\") and guessed verbs; 0 shows all")
	}, func(r view.Reader, rf *readFlags, q view.Query, pos []string) error {
		q.Speaker, q.MinConfidence = *speaker, *minConf
		p, err := r.Quotes(ctx, q)
		if err != nil {
			return err
		}
		if *rf.json {
			return writeJSON(e.stdout, p.Items)
		}
		for _, x := range p.Items {
			sp := x.Speaker
			if !x.SpeakerResolved {
				sp = "(unresolved"
				if x.SpeakerText != "" {
					sp += ": " + x.SpeakerText
				}
				sp += ")"
			} else if x.SpeakerText != "" && x.SpeakerText != x.Speaker {
				sp += " [" + x.SpeakerText + "]"
			}
			fmt.Fprintf(e.stdout, "%s — %s  [article %d, sentence %d, %s]\n  %s\n", sp, kindLabel(x), x.Article, x.Sentence, orDash(x.Outlet), truncate(x.Shown(), 300))
		}
		more(e, p.Total, len(p.Items), p.Offset)
		return nil
	})
}

func runTimeline(ctx context.Context, e *env, a []string) error {
	return withReader(runWith(ctx, a), e, "timeline", true, nil, func(r view.Reader, rf *readFlags, q view.Query, pos []string) error {
		if len(pos) == 1 && q.Article == 0 && q.Story == 0 {
			id, err := strconv.ParseInt(pos[0], 10, 64)
			if err != nil {
				return usageError{"want --story ID or --article ID"}
			}
			q.Article = id
		}
		p, err := r.Timeline(ctx, q)
		if err != nil {
			return err
		}
		if *rf.json {
			return writeJSON(e.stdout, p.Items)
		}
		estimated := false
		for _, x := range p.Items {
			date := x.Date
			if x.Estimated {
				date, estimated = "≈"+date, true
			}
			fmt.Fprintf(e.stdout, "%-12s %-22q [%d:%d %s] %s\n", date, truncate(x.Expression, 20), x.Citation.Article, x.Citation.Sentence, orDash(x.Citation.Outlet), truncate(x.Text, 160))
		}
		more(e, p.Total, len(p.Items), p.Offset)
		if estimated {
			fmt.Fprintln(e.stdout, "≈ relative to an estimated publication date: may be off")
		}
		return nil
	})
}

func runSearch(ctx context.Context, e *env, a []string) error {
	return withReader(runWith(ctx, a), e, "search", true, nil, func(r view.Reader, rf *readFlags, q view.Query, pos []string) error {
		q.Text = strings.Join(pos, " ")
		res, err := r.Search(ctx, q)
		if err != nil {
			return err
		}
		if *rf.json {
			return writeJSON(e.stdout, res)
		}
		fmt.Fprintf(e.stdout, "%d matches\n", res.Total)
		if res.RankWindow > 0 {
			fmt.Fprintf(e.stdout, "(the newest %d matches are listed first, by relevance; then the older ones)\n", res.RankWindow)
		}
		for _, h := range res.Items {
			pub := "-"
			if h.Published != nil {
				pub = day(*h.Published)
			}
			fmt.Fprintf(e.stdout, "%5d  %s  %-20s %s\n       %s\n", h.ID, pub, truncate(orDash(h.Outlet), 20), truncate(h.Title, 80), truncate(strings.Join(strings.Fields(markHighlights(h)), " "), 150))
		}
		facet := func(name string, fs []view.Facet) {
			if len(fs) == 0 {
				return
			}
			var parts []string
			for i, f := range fs {
				if i == 8 {
					break
				}
				parts = append(parts, fmt.Sprintf("%s (%d)", f.Value, f.Count))
			}
			fmt.Fprintf(e.stdout, "%-8s %s\n", name+":", strings.Join(parts, ", "))
		}
		fmt.Fprintln(e.stdout)
		if res.FacetsApproximate {
			fmt.Fprintf(e.stdout, "counts below are over the newest %d matches\n", res.FacetsSample)
		}
		facet("outlets", res.Facets.Outlets)
		facet("actors", res.Facets.Actors)
		facet("places", res.Facets.Places)
		facet("days", res.Facets.Days)
		return nil
	})
}

// kindLabel names a quote's kind for people: direct quotes are the
// speaker's words; indirect and mixed ones are the reporter's.
func kindLabel(q view.Quote) string {
	switch q.Kind {
	case view.QuoteDirect:
		return "direct quote"
	case view.QuoteMixed:
		return "reported speech, partly quoted"
	}
	return "reported speech"
}

// reportedTag marks reported speech in lists that mix it with quotes.
func reportedTag(q view.Quote) string {
	if q.Verbatim() {
		return ""
	}
	return "(reported) "
}

// markHighlights puts the matched words of a search hit's snippet in
// [brackets] for the terminal.
func markHighlights(h view.ArticleHit) string {
	var b strings.Builder
	pos := 0
	for _, sp := range h.Highlights {
		if sp.Start < pos || sp.End > len(h.Snippet) || sp.Start >= sp.End {
			continue
		}
		b.WriteString(h.Snippet[pos:sp.Start] + "[" + h.Snippet[sp.Start:sp.End] + "]")
		pos = sp.End
	}
	b.WriteString(h.Snippet[pos:])
	return b.String()
}
