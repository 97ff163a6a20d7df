package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// composeStory fills a story page's summary, timeline and outlet
// comparison, for a story whose page the corpus stage has not stored.
func composeStory(ctx context.Context, st store.Store, s *view.Story) error {
	return corpus.Compose(ctx, st, s)
}

func runStory(ctx context.Context, e *env, a []string) error {
	var md *bool
	return withReader(runWith(ctx, a), e, "story", false, func(fs *flag.FlagSet) {
		md = fs.Bool("markdown", false, "print Markdown")
	}, func(r view.Reader, rf *readFlags, q view.Query, pos []string) error {
		if len(pos) != 1 {
			return usageError{"want exactly one story ID"}
		}
		id, err := strconv.ParseInt(pos[0], 10, 64)
		if err != nil {
			return usageError{fmt.Sprintf("story ID must be a number, not %q", pos[0])}
		}
		s, err := r.Story(ctx, id)
		if err != nil {
			return err
		}
		if *rf.json {
			return writeJSON(e.stdout, s)
		}
		writeStory(e.stdout, s, *md)
		return nil
	})
}

// writeStory renders a story as text or Markdown; citations are
// [article:sentence outlet].
func writeStory(w io.Writer, s *view.Story, md bool) {
	h := func(t string) {
		if md {
			fmt.Fprintf(w, "\n## %s\n\n", t)
		} else {
			fmt.Fprintf(w, "\n%s\n%s\n", strings.ToUpper(t), strings.Repeat("-", len(t)))
		}
	}
	item := "  "
	if md {
		item = "- "
		fmt.Fprintf(w, "# %s\n\n", s.Headline)
	} else {
		fmt.Fprintf(w, "%s\n", s.Headline)
	}
	outlets := strings.Join(s.Outlets, ", ")
	if outlets == "" {
		outlets = "no outlet named" // as the web UI says it
	}
	arts := fmt.Sprintf("%d articles", len(s.Articles))
	if len(s.Articles) == 1 {
		arts = "1 article"
	}
	fmt.Fprintf(w, "story %d, storyline %d · %s · %s · %s\n", s.ID, s.Storyline, arts, outlets, estMark(s.SeenEstimated)+seenRange(s.FirstSeen, s.LastSeen))
	cite := func(cs []view.Citation) string {
		var parts []string
		for _, c := range cs {
			parts = append(parts, fmt.Sprintf("%d:%d %s", c.Article, c.Sentence, orDash(c.Outlet)))
		}
		return "[" + strings.Join(parts, "; ") + "]"
	}
	if len(s.Summary) > 0 {
		h("Summary")
		for _, x := range s.Summary {
			fmt.Fprintf(w, "%s%s %s\n", item, x.Text, cite(x.Citations))
		}
	}
	if len(s.Timeline) > 0 {
		h("Timeline")
		if md {
			fmt.Fprintf(w, "Dates marked ≈ are relative to an estimated publication date and may be off.\n\n")
		}
		for _, x := range s.Timeline {
			date := x.Date
			if x.Estimated {
				date = "≈" + date // relative to an estimated publication date
			}
			fmt.Fprintf(w, "%s%s  %s %s\n", item, date, truncate(x.Text, 200), cite([]view.Citation{x.Citation}))
		}
	}
	if len(s.Actors) > 0 {
		h("Actors")
		for _, a := range s.Actors {
			role := ""
			if len(a.Roles) > 0 {
				role = " — " + roleText(a.Roles[0])
			}
			al := ""
			if len(a.Aliases) > 0 {
				al = " (also: " + truncate(strings.Join(a.Aliases, ", "), 60) + ")"
			}
			fmt.Fprintf(w, "%s%s [%s]%s%s\n", item, a.Name, orDash(a.Type), role, al)
		}
	}
	if len(s.Places) > 0 {
		h("Places")
		for _, p := range s.Places {
			fmt.Fprintf(w, "%s%s, %s (%.3f, %.3f) GeoNames %d — %d mentions\n", item, p.Name, p.Country, p.Lat, p.Lon, p.GeonamesID, p.Mentions)
		}
	}
	if len(s.Quotes) > 0 {
		h("Quotes")
		by := map[string][]view.Quote{}
		var names []string
		for _, q := range s.Quotes {
			sp := q.Speaker
			if !q.SpeakerResolved || sp == "" {
				sp = "(speaker unresolved)"
			}
			if by[sp] == nil {
				names = append(names, sp)
			}
			by[sp] = append(by[sp], q)
		}
		sort.SliceStable(names, func(i, j int) bool { return len(by[names[i]]) > len(by[names[j]]) })
		for _, n := range names {
			fmt.Fprintf(w, "%s%s:\n", item, n)
			for _, q := range by[n] {
				fmt.Fprintf(w, "    %s%s %s\n", reportedTag(q), truncate(q.Shown(), 200), cite([]view.Citation{q.Citation}))
			}
		}
	}
	if c := s.Comparison; c != nil && len(c.Claims) > 0 {
		h("Outlet comparison")
		for _, cl := range c.Claims {
			mark := ""
			if cl.Exclusive {
				mark = " (only " + strings.Join(cl.Outlets, "") + ")"
			}
			fmt.Fprintf(w, "%s%s%s %s\n", item, truncate(cl.Text, 160), mark, cite(cl.Citations))
		}
		for _, wc := range c.WordChoices {
			var parts []string
			for _, o := range c.Outlets {
				if ws := wc.ByOutlet[o]; len(ws) > 0 {
					parts = append(parts, o+": "+strings.Join(ws, "/"))
				}
			}
			fmt.Fprintf(w, "%s%s — %s\n", item, wc.Referent, strings.Join(parts, "; "))
		}
	}
	h("Articles")
	for _, m := range s.Members {
		dup := ""
		if m.DuplicateOf != 0 {
			dup = fmt.Sprintf(" (near-duplicate of %d)", m.DuplicateOf)
		}
		pub := "-"
		if m.Published != nil {
			pub = day(*m.Published)
		}
		fmt.Fprintf(w, "%s%d  %s  %s  %s%s\n", item, m.ID, pub, orDash(m.Outlet), truncate(m.Title, 80), dup)
	}
}
