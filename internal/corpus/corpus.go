// Package corpus runs sitrep's corpus-level stages over articles newly
// stored: local entities (internal/entity) merged into actors across
// documents, and articles clustered online into events and storylines
// (internal/story). Both stages are online: they take each article once,
// in id order, keep their state in the store, and resume where the last
// run stopped — so an interrupted ingest loses nothing and a re-run adds
// only what is new.
package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/fault"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/story"
)

// State names in the store.
const (
	clustererState = "story.clusterer"
	registryState  = "entity.registry"
	actorsState    = "corpus.actors"
	// pagesPending lists the stories whose pages a run changed and has not
	// composed yet: stored with the run, cleared once the pages are, so
	// that a run stopped in between (full disk, kill) leaves no stale page
	// behind — the next run composes them first.
	pagesPending = "corpus.pages_pending"
	// announcedState is the last article whose stories are wholly written
	// — stored, their pages composed and their events coded — so that a
	// server announces a story only once its events can be read
	// (Announced).
	announcedState = "corpus.announced"
)

// Stats reports one Update.
type Stats struct {
	Articles  int // articles taken in
	NewEvents int
	Events    int // events touched
	Actors    int // actors touched
	// Compose is the time spent composing story pages, by Options.Clock.
	Compose time.Duration
	// Follow is the time, by Options.Clock, the stage spent on its
	// second goroutine: storing a batch's results, composing its pages
	// and coding its events while the next batch is clustered (Compose,
	// the pages, on a third goroutine beside the coding, is part of it).
	// The goroutines are locked to their threads while timed, so a
	// thread CPU clock reads their own time; the calling thread's time
	// does not include it.
	Follow time.Duration
	Faults int // articles a stage failed on (recorded with them)
	// Handed counts the analyses taken as handed over by the writer
	// (Stage.Offer) instead of read back; Resolved the articles whose
	// entities were taken as resolved before (Prepare).
	Handed, Resolved int
}

// Options tune Update.
type Options struct {
	Batch int // articles per transaction (default 200)
	// Progress is called as each batch's results are stored (on the
	// stage's second goroutine, one call at a time); may be nil.
	Progress func(done, total int)
	Story    story.Config // zero: story.DefaultConfig()
	// Clock, when set, times composing pages (Stats.Compose): the
	// calling thread's CPU clock, say. Nil: not timed.
	Clock func() time.Duration
}

// Update takes in every article stored after the last one the corpus
// stages saw. When another process (a second ingest on the same
// database) stores results for the same articles first, it goes on from
// where that one got to.
func Update(ctx context.Context, st store.Store, o Options) (Stats, error) {
	sg, err := Open(ctx, st, o)
	if err != nil {
		return Stats{}, err
	}
	return sg.Run(ctx, true)
}

// Stage is the corpus stages with their state loaded, so a long ingest
// can feed them batch by batch as articles are stored, while analysis of
// the next articles goes on, without reloading the state each time.
type Stage struct {
	st   store.Store
	o    Options
	last int64 // the last article taken in, as stored
	cl   *story.Clusterer
	// clLog finds what of the clusterer's state changed since it was
	// stored; clSize and regSize are the sizes of the clusterer's and
	// the registry's states as stored (state.go).
	clLog           *story.StateLog
	clSize, regSize stateSize
	acts            *actorStage
	stats           Stats
	docs            *docCache // articles read lately (docs.go)
	// fol is the last batch's pages and coded events, composed on a
	// second goroutine while the next batch is prepared (follow);
	// followed adds up the stats of those waited for.
	fol      *follower
	followed Stats
	// offered holds the analyses of articles just stored, handed over by
	// their writer (Offer), until the stage takes them in.
	offerMu sync.Mutex
	offered map[int64]*Prepared
}

// maxOffered bounds the analyses waiting in Stage.offered: a writer
// running further ahead hands over no more, and the stage reads those
// articles' analyses back.
const maxOffered = 4096

// Offer hands the stage an article just stored, prepared (Prepare) from
// the analysis it was stored with, which the stage then takes instead of
// reading the analysis back and resolving the article's entities itself.
// Safe to call from another goroutine, the writer's.
func (sg *Stage) Offer(id int64, p *Prepared) {
	if p == nil {
		return
	}
	sg.offerMu.Lock()
	defer sg.offerMu.Unlock()
	if len(sg.offered) >= maxOffered {
		return
	}
	if sg.offered == nil {
		sg.offered = map[int64]*Prepared{}
	}
	sg.offered[id] = p
}

// annotation returns article id's analysis, handed over (with the rest of
// what was prepared) or else read.
func (sg *Stage) annotation(ctx context.Context, id int64, stats *Stats) (*analyse.Annotation, *Prepared, error) {
	sg.offerMu.Lock()
	p, ok := sg.offered[id]
	delete(sg.offered, id)
	sg.offerMu.Unlock()
	if ok {
		stats.Handed++
		return p.an, p, nil
	}
	an, err := sg.st.Annotation(ctx, id)
	return an, nil, err
}

// dropOffered forgets the analyses handed over for articles up to last,
// taken in now: one offered after the stage had already read it back
// (the writer offers after its commit) is never taken.
func (sg *Stage) dropOffered(last int64) {
	sg.offerMu.Lock()
	defer sg.offerMu.Unlock()
	for id := range sg.offered {
		if id <= last {
			delete(sg.offered, id)
		}
	}
}

// Open loads the corpus stages' state from the store.
func Open(ctx context.Context, st store.Store, o Options) (*Stage, error) {
	if o.Batch <= 0 {
		o.Batch = 200
	}
	sg := &Stage{st: st, o: o, docs: newDocCache()}
	if err := sg.load(ctx); err != nil {
		return nil, err
	}
	// a run that died before announcing its last batch: what it stored
	// is as written as it will be now (and a database without the mark
	// gets it, so that its next batch is announced only once written)
	if b, err := st.State(ctx, announcedState); err != nil {
		return nil, err
	} else if string(b) != strconv.FormatInt(sg.last, 10) {
		if err := putAnnounced(ctx, st, sg.last); err != nil {
			return nil, err
		}
	}
	return sg, nil
}

func (sg *Stage) load(ctx context.Context) error {
	st := sg.st
	last, err := st.LastDerived(ctx)
	if err != nil {
		return err
	}
	cl, clSize, err := loadClusterer(ctx, st, sg.o.Story)
	if err != nil {
		return err
	}
	acts := &actorStage{reg: entity.NewRegistry(), merged: map[entity.ActorID]bool{}}
	base, log, regSize, err := loadState(ctx, st, registryState)
	if err != nil {
		return err
	}
	if base != nil {
		if err := acts.reg.UnmarshalState(base, log); err != nil {
			return fmt.Errorf("corpus: actor registry state: %w", err)
		}
	}
	sg.clLog, sg.clSize, sg.regSize = story.NewStateLog(cl), clSize, regSize
	if b, err := st.State(ctx, actorsState); err != nil {
		return err
	} else if b != nil {
		if err := json.Unmarshal(b, acts); err != nil {
			return fmt.Errorf("corpus: actor stage state: %w", err)
		}
	}
	sg.last, sg.cl, sg.acts = last, cl, acts
	// stories a run stored but died before composing and coding
	return composePending(ctx, st, nil, nil, &store.Derived{}, nil, nil, nil, nil)
}

// Announced returns the last article whose stories the corpus stages
// have wholly written — the assignments, the story pages and the coded
// events — for a server announcing new stories: announcing from
// LastDerived, a watchlist could look for a story's events before they
// are coded. A database without the mark (written before it existed)
// gives LastDerived.
func Announced(ctx context.Context, st interface {
	State(context.Context, string) ([]byte, error)
	LastDerived(context.Context) (int64, error)
}) (int64, error) {
	b, err := st.State(ctx, announcedState)
	if err != nil {
		return 0, err
	}
	if b == nil {
		return st.LastDerived(ctx)
	}
	id, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("corpus: announced mark %q: %w", b, err)
	}
	return id, nil
}

func putAnnounced(ctx context.Context, st store.Store, id int64) error {
	return st.PutDerived(ctx, &store.Derived{State: map[string][]byte{announcedState: []byte(strconv.FormatInt(id, 10))}})
}

// Stats reports what the stage has done since Open.
func (sg *Stage) Stats() Stats { return sg.stats }

// Run takes in the articles stored after the last one taken in, in
// batches of Options.Batch. With final false it takes only whole batches
// and leaves a remainder for a later Run, so that however a caller
// interleaves Run with storing, the batches are cut where one Run over
// all of them would cut them and the result is the same. It returns the
// counts of this Run.
func (sg *Stage) Run(ctx context.Context, final bool) (Stats, error) {
	var total Stats
	for {
		stats, err := sg.run(ctx, final)
		total.add(stats)
		if !errors.Is(err, store.ErrConflict) {
			return total, err
		}
		// another process took the same articles in first: reload its
		// state and go on from there
		sg.last = -1
	}
}

// minus returns the counts of s not in o (s less o).
func (s Stats) minus(o Stats) Stats {
	return Stats{Articles: s.Articles - o.Articles, NewEvents: s.NewEvents - o.NewEvents, Events: s.Events - o.Events, Actors: s.Actors - o.Actors,
		Compose: s.Compose - o.Compose, Follow: s.Follow - o.Follow, Faults: s.Faults - o.Faults, Handed: s.Handed - o.Handed, Resolved: s.Resolved - o.Resolved}
}

func (s *Stats) add(o Stats) {
	s.Articles += o.Articles
	s.NewEvents += o.NewEvents
	s.Events += o.Events
	s.Actors += o.Actors
	s.Compose += o.Compose
	s.Follow += o.Follow
	s.Faults += o.Faults
	s.Handed += o.Handed
	s.Resolved += o.Resolved
}

func (sg *Stage) run(ctx context.Context, final bool) (stats Stats, err error) {
	// Another process (a server, a second ingest) may have taken articles
	// in since: continue from the stored state, not from ours.
	if last, err := sg.st.LastDerived(ctx); err != nil {
		return stats, err
	} else if last != sg.last {
		if err := sg.load(ctx); err != nil {
			return stats, err
		}
	}
	ids, err := sg.st.ArticleIDsAfter(ctx, sg.last)
	if err != nil {
		return stats, err
	}
	n := len(ids)
	if !final {
		n -= n % sg.o.Batch
	}
	// the last batch's pages and coded events are waited for before
	// returning, whatever happens
	defer func() {
		if werr := sg.wait(); werr != nil && err == nil {
			sg.last, err = -1, werr
		}
		stats.add(sg.followed)
		sg.followed = Stats{}
		if err == nil {
			sg.stats.add(stats)
		}
	}()
	for start := 0; start < n; start += sg.o.Batch {
		batch := ids[start:min(start+sg.o.Batch, n)]
		before := stats
		var progress func()
		if sg.o.Progress != nil {
			done, total := start+len(batch), len(ids)
			progress = func() { sg.o.Progress(done, total) }
		}
		if err := sg.batch(ctx, batch, &stats, progress); err != nil {
			// The state in memory may be ahead of the store's now:
			// the next Run reloads it.
			sg.last = -1
			if errors.Is(err, store.ErrConflict) {
				stats = before // this batch was not stored
			}
			return stats, err
		}
	}
	return stats, nil
}

// follower is one batch's pages and coded events being composed on a
// second goroutine.
type follower struct {
	done  chan struct{}
	err   error
	stats Stats
}

// follow stores a batch's results (d) and its stats (own, counted once
// stored), calls progress, then composes the pages and codes the events
// of the stories the batch changed (evs) and announces the batch, on a
// second goroutine: meanwhile the next batch is read, resolved and
// clustered, which reads nothing of what this writes (the articles it
// reads are stored already) and writes nothing until wait has seen this
// one done. So the store sees the same writes in the same order as when
// one goroutine did all, and the results are the same; the writes of a
// batch and its pages are one run on this goroutine, so the first
// goroutine never waits for the write lock.
func (sg *Stage) follow(ctx context.Context, evs []int64, d *store.Derived, known knownActors, own Stats, progress func()) {
	f := &follower{done: make(chan struct{})}
	sg.fol = f
	st, dc, clock := sg.st, sg.docs, sg.o.Clock
	run := func(do func()) { go do() }
	if noFollow {
		run = func(do func()) { do() }
	}
	run(func() {
		defer close(f.done)
		if clock != nil {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			t0 := clock()
			defer func() { f.stats.Follow += clock() - t0 }()
		}
		if f.err = st.PutDerived(ctx, d); f.err != nil {
			return
		}
		f.stats.add(own)
		if progress != nil {
			progress()
		}
		// only once the pages and events are written are the batch's
		// stories announced (Announced), in the write that clears the
		// pending list
		announce := map[string][]byte{announcedState: []byte(strconv.FormatInt(d.LastArticle, 10))}
		f.err = composePending(ctx, st, dc, evs, d, announce, clock, &f.stats, known)
	})
}

// noFollow makes follow compose on the calling goroutine, and the pages
// and coded events be made one after the other on one goroutine, as the
// stage did before it had more (tests: the results are the same).
var noFollow bool

// wait waits for the last batch given to follow, if any, and returns its
// error; its stats go to sg.followed.
func (sg *Stage) wait() error {
	f := sg.fol
	if f == nil {
		return nil
	}
	sg.fol = nil
	<-f.done
	sg.followed.add(f.stats)
	return f.err
}

// batch takes in one batch of articles: actors, then stories; then it
// hands the results and the new state, to be stored in one transaction,
// and the pages of the stories it touched, each composed once, to the
// second goroutine (follow).
func (sg *Stage) batch(ctx context.Context, batch []int64, stats *Stats, progress func()) error {
	st, cl, acts := sg.st, sg.cl, sg.acts
	before := *stats
	d := &store.Derived{State: map[string][]byte{}}
	touchedEvents := map[int64]bool{}
	touchedActors := map[int64]bool{}
	sds := make([]story.Doc, 0, len(batch))
	placed := make([]int64, 0, len(batch)) // the ids of sds
	// the articles read, kept once the previous batch's pages are done
	// (the cache is theirs until then)
	type readDoc struct {
		id int64
		cachedDoc
	}
	read := make([]readDoc, 0, len(batch))
	// the batch's articles in one read where the store has it (a
	// server's round trip and statement each otherwise); one not there
	// is asked for alone, for its error
	var articles map[int64]*store.Article
	if br, ok := st.(store.BatchReads); ok {
		var err error
		if articles, err = br.ArticlesByID(ctx, batch); err != nil {
			return err
		}
	}
	for _, id := range batch {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := articles[id]
		if a == nil {
			var err error
			if a, err = st.Article(ctx, id); err != nil {
				return err
			}
		}
		an, pre, err := sg.annotation(ctx, id, stats)
		if err != nil {
			return err
		}
		read = append(read, readDoc{id, cachedDoc{a, an}})
		// A fault on one article is recorded with it and the article
		// skipped by the failing stage; the others go on.
		nf := len(d.Faults)
		actorKeys := acts.addSafe(a, an, pre, d, touchedActors, stats)
		stats.Faults += len(d.Faults) - nf
		var sd story.Doc
		if f := fault.Run("stories", func() {
			hook("stories", a.ID)
			sd = storyDoc(a, an, actorKeys)
			if a.PublishedEstimated {
				// a date guessed from the text is no evidence of when
				// the article appeared; as a hard time gap a wrong
				// guess would split its event
				sd.Published = time.Time{}
			}
		}); f != nil {
			d.Faults = append(d.Faults, store.Fault{Article: id, Fault: *f})
			stats.Faults++
			continue
		}
		sds = append(sds, sd)
		placed = append(placed, id)
	}
	sg.dropOffered(batch[len(batch)-1])
	// the batch is clustered at once: within it, the result does not
	// depend on the order the articles were stored in. A batch the
	// clusterer fails on is replayed article by article from the state
	// as stored.
	restore := func() (*story.Clusterer, error) {
		// as stored: once the previous batch is
		if err := sg.wait(); err != nil {
			return nil, err
		}
		c, _, err := loadClusterer(ctx, st, sg.o.Story)
		return c, err
	}
	assigned, err := addBatch(cl, restore, sg.o.Story, sds, placed, d, stats)
	if err != nil {
		return err
	}
	cl = assigned.cl
	sg.cl = cl
	for i, as := range assigned.as {
		if as.NewEvent {
			stats.NewEvents++
		}
		d.Assignments = append(d.Assignments, store.Assignment{Article: assigned.ids[i], Event: as.Event, Storyline: as.Storyline, DuplicateOf: as.DuplicateOf, Similarity: as.Similarity})
		touchedEvents[as.Event] = true
		stats.Articles++
	}
	// Events merged by the clusterer move their articles to the
	// survivor; storylines re-linked move their events.
	d.EventMerges = cl.EventMerges()
	for from, to := range d.EventMerges {
		touchedEvents[to] = true
		delete(touchedEvents, from)
	}
	d.StorylineMoves = cl.StorylineChanges()
	for ev := range touchedEvents {
		info, ok := cl.Event(ev)
		if !ok {
			continue
		}
		d.Events = append(d.Events, store.EventRecord{ID: ev, Storyline: info.Storyline, FirstSeen: info.First, LastSeen: info.Last, Articles: info.Articles})
	}
	sort.Slice(d.Events, func(i, j int) bool { return d.Events[i].ID < d.Events[j].ID })
	d.ActorMerges = acts.merges(touchedActors)
	for id := range touchedActors {
		if r, ok := acts.record(id); ok {
			d.Actors = append(d.Actors, r)
		}
	}
	sort.Slice(d.Actors, func(i, j int) bool { return d.Actors[i].ID < d.Actors[j].ID })
	stats.Events += len(d.Events)
	stats.Actors += len(d.Actors)
	if err := sg.saveState(d); err != nil {
		return err
	}
	if d.State[actorsState], err = json.Marshal(acts); err != nil {
		return err
	}
	evs := make([]int64, len(d.Events))
	for i, e := range d.Events {
		evs[i] = e.ID
	}
	if d.State[pagesPending], err = json.Marshal(evs); err != nil {
		return err
	}
	d.LastArticle, d.After = batch[len(batch)-1], sg.last
	// nothing is written before the previous batch's pages and coded
	// events are
	if err := sg.wait(); err != nil {
		return err
	}
	for _, x := range read {
		sg.docs.put(x.id, x.a, x.an)
	}
	// Stored, then the pages and coded events of the changed stories and
	// the announcement, while the next batch is prepared. The state in
	// memory is taken as stored from here: if the write fails, wait
	// reports it and the next Run reloads the state from the store.
	own := stats.minus(before)
	*stats = before
	sg.last = d.LastArticle
	sg.clSize.stored(d, clustererState)
	sg.regSize.stored(d, registryState)
	sg.follow(ctx, evs, d, batchActors(d, batch), own, progress)
	return nil
}

// entityDoc converts an article's analysis for the entity stage.
func entityDoc(a *store.Article, an *analyse.Annotation) entity.Doc {
	d := entity.Doc{Key: strconv.FormatInt(a.ID, 10), Text: a.Text, Outlet: a.Outlet, Published: a.Published}
	for _, s := range an.Sentences {
		d.Sentences = append(d.Sentences, entity.Span{Start: s.Start, End: s.End})
	}
	for _, m := range an.Mentions {
		d.Mentions = append(d.Mentions, entity.Mention{Span: entity.Span{Start: m.Start, End: m.End}, Type: m.Type, Sentence: m.Sentence, Demonym: m.Demonym})
	}
	return d
}

// storyDoc converts an article for the story stage; actors are keyed by
// their actor id, places by GeoNames id (or name where it has none).
func storyDoc(a *store.Article, an *analyse.Annotation, actors map[int64][]int) story.Doc {
	d := story.Doc{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Title: a.Title, Text: a.Text, Published: a.Published}
	// The story stages (clustering, summary, comparison) read at most the
	// first storyBytes of an article, cut at a sentence end: what a story
	// needs of an article is in its first pages, and a document of
	// megabytes must not cost the corpus stage more than that.
	ns := len(an.Sentences)
	if len(a.Text) > storyBytes {
		ns = sort.Search(len(an.Sentences), func(i int) bool { return an.Sentences[i].End > storyBytes })
		end := 0
		if ns > 0 {
			end = an.Sentences[ns-1].End
		}
		d.Text = a.Text[:end]
		an = clip(an, ns, end)
	}
	for _, s := range an.Sentences[:ns] {
		d.Sentences = append(d.Sentences, story.Span{Start: s.Start, End: s.End})
	}
	keys := make([]int64, 0, len(actors))
	for k := range actors {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		ss := actors[k]
		if ns < len(an.Sentences) || len(a.Text) > storyBytes {
			var in []int
			for _, x := range ss {
				if x < ns {
					in = append(in, x)
				}
			}
			if len(in) == 0 {
				continue
			}
			ss = in
		}
		d.Actors = append(d.Actors, story.Ref{Key: "actor:" + strconv.FormatInt(k, 10), Sentences: ss})
	}
	places := map[string][]int{}
	var pk []string
	for _, p := range an.Places {
		if p.Focus {
			continue
		}
		k := "place:" + strconv.FormatUint(uint64(p.GeonamesID), 10)
		if p.GeonamesID == 0 {
			k = "place:" + p.Name + "|" + p.Country
		}
		if places[k] == nil {
			pk = append(pk, k)
		}
		places[k] = append(places[k], p.Sentence)
	}
	for _, k := range pk {
		d.Places = append(d.Places, story.Ref{Key: k, Sentences: places[k]})
	}
	for _, t := range an.Times {
		d.Dates = append(d.Dates, story.Dated{Sentence: t.Sentence, Value: t.Value, Span: story.Span{Start: t.Start, End: t.End},
			Estimated: t.Anchored && a.PublishedEstimated && !namesMonth(a.Text[t.Start:t.End])})
	}
	for _, q := range an.Quotes {
		sp := ""
		if q.Resolved {
			sp = q.SpeakerText
		}
		d.Quotes = append(d.Quotes, story.Quoted{Text: a.Text[q.Start:q.End], Speaker: sp, Sentence: q.Sentence, Kind: q.Kind})
	}
	return d
}

// storyBytes bounds the text of one article the story stages read.
const storyBytes = 256 << 10

// clip returns the analysis of the first ns sentences (the text up to end).
func clip(an *analyse.Annotation, ns, end int) *analyse.Annotation {
	c := analyse.Annotation{Sentences: an.Sentences[:ns]}
	for _, x := range an.Times {
		if x.End <= end && x.Sentence < ns {
			c.Times = append(c.Times, x)
		}
	}
	for _, x := range an.Quotes {
		if x.End <= end && x.Sentence < ns {
			c.Quotes = append(c.Quotes, x)
		}
	}
	for _, x := range an.Places {
		if x.End <= end && x.Sentence < ns {
			c.Places = append(c.Places, x)
		}
	}
	return &c
}

// namesMonth reports whether a time expression names its month ("October
// 20"): anchored on an estimated publication date it borrows at most the
// year, which the estimate gets right far more often than a weekday.
func namesMonth(expr string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(expr), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if monthWords[w] {
			return true
		}
	}
	return false
}

var monthWords = map[string]bool{}

func init() {
	for _, m := range strings.Fields("january february march april may june july august september october november december") {
		monthWords[m], monthWords[m[:3]] = true, true
	}
	monthWords["sept"] = true
}

// composePending composes the pages of own (the stories this run changed)
// and those a run left pending, codes their events, then clears the list:
// a run stopped after storing its stories and before either (full disk,
// kill) leaves no stale page and no story without its events behind.
// (Two ingests at once may overwrite each other's list; each composes its
// own stories anyway, so only one that dies in between leaves stale
// pages.) A page or a coding that fails is recorded as a fault on its
// articles of d (composeSafe, codeEventsSafe). With a clock, the time
// spent composing is added to stats.Compose. known holds the actor
// mentions of d's articles (batchActors; nil: none known).
func composePending(ctx context.Context, st store.Store, dc *docCache, own []int64, d *store.Derived, also map[string][]byte, clock func() time.Duration, stats *Stats, known knownActors) error {
	b, err := st.State(ctx, pagesPending)
	if err != nil {
		return err
	}
	var left []int64
	if len(b) > 0 {
		if err := json.Unmarshal(b, &left); err != nil {
			return fmt.Errorf("corpus: pending story pages: %w", err)
		}
	}
	if len(own) == 0 && len(left) == 0 {
		if len(also) > 0 {
			return st.PutDerived(ctx, &store.Derived{State: also})
		}
		return nil
	}
	evs := append(append([]int64(nil), own...), left...)
	slices.Sort(evs)
	evs = slices.Compact(evs)
	defer dc.endPass()
	// A store with batch reads gives every story's listing in one read,
	// kept for both goroutines below, which would each read it story by
	// story otherwise.
	if br, ok := st.(store.BatchReads); ok && dc != nil {
		sums, err := br.StoriesByID(ctx, evs)
		if err != nil {
			return err
		}
		for _, s := range sums {
			dc.keepStory(s)
		}
	}
	// The pages on a goroutine of their own while this one codes the
	// events (events.go): both read the store as the batch left it and
	// write tables the other does not read, so either order of their
	// writes leaves the same rows. Each is the larger part of the stage's
	// second goroutine, which every batch waits for.
	var cerr error
	var composed time.Duration // its CPU, by clock
	done := make(chan struct{})
	pages := func() {
		defer close(done)
		composed = timed(clock, func() { cerr = composeSafe(ctx, st, dc, evs, d) })
	}
	if noFollow {
		pages()
	} else {
		go pages()
	}
	helper, err := codeEventsSafe(ctx, st, dc, evs, d, clock, known)
	<-done
	if clock != nil {
		// the caller's clock reads this goroutine's thread only
		stats.Compose += composed
		stats.Follow += composed + helper
	}
	if cerr != nil {
		return cerr
	}
	if err != nil {
		return err
	}
	state := map[string][]byte{pagesPending: []byte("[]")}
	maps.Copy(state, also)
	return st.PutDerived(ctx, &store.Derived{State: state})
}
