package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

func init() {
	register(&command{name: "events", summary: "list coded events: who did what to whom, where, when (PLOVER/CAMEO), one per happening",
		usage: "[--db FILE] [--json] [--story ID] [--actor NAME] [--place NAME] [--type TYPE] [--from DATE] [--to DATE] [--limit N] [--rebuild]",
		run:   runEvents})
}

// eventsPage is the JSON of `sitrep events --json` and of the API's
// /api/v1/coded-events.
type eventsPage struct {
	Items  []event.Record `json:"items"`
	Total  int            `json:"total"`
	Offset int            `json:"offset"`
	Limit  int            `json:"limit"`
}

func runEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, commands["events"])
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON (the objects of the HTTP API)")
	var f store.EventFilter
	fs.Int64Var(&f.Story, "story", 0, "only story `ID`")
	fs.StringVar(&f.Actor, "actor", "", "only events whose source or target is actor `NAME` (id, name or alias)")
	fs.StringVar(&f.Place, "place", "", "only events at place `NAME` or GeoNames id")
	fs.StringVar(&f.Type, "type", "", "only PLOVER type `TYPE` (ASSAULT, CONSULT, ...)")
	fs.StringVar(&f.From, "from", "", "only events dated on or after `DATE` (YYYY-MM-DD)")
	fs.StringVar(&f.To, "to", "", "only events dated on or before `DATE` (YYYY-MM-DD)")
	fs.IntVar(&f.Limit, "limit", 50, "show at most `N`")
	fs.IntVar(&f.Offset, "offset", 0, "skip the first `N`")
	rebuild := fs.Bool("rebuild", false, "re-code the events of every story first (a database built before events were coded)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"unexpected argument " + pos[0]}
	}
	for _, d := range []struct{ name, v string }{{"--from", f.From}, {"--to", f.To}} {
		if d.v != "" && event.Precision(d.v) != event.PrecisionDay {
			return usageError{fmt.Sprintf("%s %q: want YYYY-MM-DD", d.name, d.v)}
		}
	}
	st, err := openDB(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *rebuild {
		n, err := corpus.CodeAllEvents(ctx, st)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "events: re-coded %d stories\n", n)
	}
	recs, total, err := st.CodedEventList(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		if recs == nil {
			recs = []event.Record{}
		}
		return writeJSON(e.stdout, eventsPage{Items: recs, Total: total, Offset: f.Offset, Limit: f.Limit})
	}
	w := tw(e)
	fmt.Fprintln(w, "ID\tDATE\tSOURCE\tTYPE\tTARGET\tPLACE\tSTATUS\tOUTLETS\tMENTIONS\tVERB")
	for _, r := range recs {
		date := r.Date
		if r.Estimated {
			date += "~"
		}
		typ := r.Type
		if r.Mode != "" {
			typ += "/" + r.Mode
		}
		place := "-"
		if r.Place != nil {
			place = r.Place.Name
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s (%s)\t%s\t%s\t%s\t%d\t%s\t%s\n", r.ID, orDash(date), partyLabel(r.Source, r.AllSources), typ, r.Cameo,
			partyLabel(r.Target, r.AllTargets), place, r.Status, r.Sources, mentionsLabel(r.Mentions), r.Verb)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	more(e, total, len(recs), f.Offset)
	return nil
}

// mentionsLabel counts an event's mentions and says how many are
// headlines ("3 (1 headline)"): a title is coded as sentence -1, and a
// reader checking the evidence looks for it above the text.
func mentionsLabel(ms []event.MentionRef) string {
	h := 0
	for _, m := range ms {
		if m.Sentence == event.HeadlineIndex {
			h++
		}
	}
	if h == 0 {
		return strconv.Itoa(len(ms))
	}
	return fmt.Sprintf("%d (%d headline)", len(ms), h)
}

// partyLabel is a party's name with its CAMEO code, compounds joined.
func partyLabel(p event.Party, all []event.Party) string {
	if len(all) == 0 {
		all = []event.Party{p}
	}
	var parts []string
	for _, x := range all {
		if x.Name == "" && x.Text == "" {
			continue
		}
		n := x.Name
		if n == "" {
			n = x.Text
		}
		if x.Code != "" {
			n += " [" + x.Code + "]"
		}
		parts = append(parts, n)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " + ")
}

// exportEvents writes the coded events: GDELT 2.0 Events (--what events,
// the default for gdelt) or Mentions tables, or the event records as
// JSON or CSV. The story, actor and place filters of export apply.
func exportEvents(ctx context.Context, e *env, dbPath, format, kind string, rf *readFlags) error {
	if kind != "events" && kind != "mentions" && kind != "stories" {
		return usageError{fmt.Sprintf("--format %s exports events or mentions, not %s", format, kind)}
	}
	if kind == "stories" {
		kind = "events"
	}
	st, err := openDB(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	f := store.EventFilter{Story: *rf.story, Actor: *rf.actor, Place: *rf.place, From: *rf.from, To: *rf.to}
	recs, _, err := st.CodedEventList(ctx, f)
	if err != nil {
		return err
	}
	switch {
	case format == "gdelt" && kind == "events":
		return event.WriteGDELTEvents(e.stdout, recs, false)
	case format == "gdelt":
		return event.WriteGDELTMentions(e.stdout, recs, false)
	case format == "json":
		if recs == nil {
			recs = []event.Record{}
		}
		return writeJSON(e.stdout, recs)
	case format == "csv":
		return writeEventsCSV(e.stdout, recs, kind)
	}
	return usageError{fmt.Sprintf("--format %q: events export as gdelt, json or csv", format)}
}

// writeEventsCSV writes one row per event (or per mention).
func writeEventsCSV(w io.Writer, recs []event.Record, kind string) error {
	cw := csv.NewWriter(w)
	if kind == "mentions" {
		cw.Write([]string{"event_id", "article", "sentence", "outlet", "url", "published", "text"})
		for _, r := range recs {
			for _, m := range r.Mentions {
				pub := ""
				if m.Published != nil {
					pub = m.Published.UTC().Format(time.RFC3339)
				}
				cw.Write([]string{strconv.FormatInt(r.ID, 10), strconv.FormatInt(m.Article, 10), strconv.Itoa(m.Sentence), m.Outlet, m.URL, pub, m.Text})
			}
		}
		cw.Flush()
		return cw.Error()
	}
	cw.Write([]string{"id", "story", "date", "precision", "estimated", "source", "source_actor", "source_code", "type", "mode", "cameo", "quad_class", "goldstein",
		"target", "target_actor", "target_code", "place", "geonames_id", "lat", "lon", "status", "killed", "wounded", "troops", "mentions", "articles", "sources", "first_url"})
	for _, r := range recs {
		place, gid, lat, lon := "", "", "", ""
		if r.Place != nil {
			place, gid = r.Place.Name, strconv.FormatUint(uint64(r.Place.GeonamesID), 10)
			lat, lon = strconv.FormatFloat(r.Place.Lat, 'f', 5, 64), strconv.FormatFloat(r.Place.Lon, 'f', 5, 64)
		}
		cw.Write([]string{strconv.FormatInt(r.ID, 10), strconv.FormatInt(r.Story, 10), r.Date, r.Precision, strconv.FormatBool(r.Estimated),
			r.Source.Name, strconv.FormatInt(r.Source.Actor, 10), r.Source.Code, r.Type, r.Mode, r.Cameo, strconv.Itoa(r.QuadClass), strconv.FormatFloat(r.Goldstein, 'f', 1, 64),
			r.Target.Name, strconv.FormatInt(r.Target.Actor, 10), r.Target.Code, place, gid, lat, lon, r.Status,
			strconv.Itoa(r.Quantities.Killed), strconv.Itoa(r.Quantities.Wounded), strconv.Itoa(r.Quantities.Troops),
			strconv.Itoa(r.NumMentions), strconv.Itoa(r.Articles), strconv.Itoa(r.Sources), r.FirstReport.URL})
	}
	cw.Flush()
	return cw.Error()
}
