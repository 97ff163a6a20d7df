package corpus

import (
	"context"
	"sync"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/story"
	"github.com/sitrep/sitrep/internal/view"
)

// maxCachedDocs bounds the articles the corpus stage keeps read between
// batches (an article and its analysis are some tens of KB).
const maxCachedDocs = 2048

// docCache keeps the articles (with their analyses) the corpus stage read
// lately. A story touched in batch after batch has its members read for
// its page and again for its coded events every time; from the second
// time on they come from here. An article and its analysis never change
// once stored (a new version is a new article), so what is kept stays
// true; callers only read what they get. A nil cache reads the store.
// Safe for the two goroutines that compose pages and code events at once
// (composePending).
type docCache struct {
	mu   sync.Mutex
	m    map[int64]cachedDoc
	ring []int64 // ids in insertion order from next, for eviction (oldest first)
	next int
	// sents keeps the members' sentences split for story pages (used by
	// composing alone).
	sents *story.SentenceCache
	// coded keeps articles' coded events (events.go), codedRing their
	// ids in insertion order from codedNext, for eviction: a bound of
	// their own (maxCodedKept), so that a story touched again after its
	// members' texts went is not read and coded again whole.
	coded     map[int64]*codedArticle
	codedRing []int64
	codedNext int
	// stories keeps the listings of the stories whose pages were
	// composed in this pass (composePending), read once for the page and
	// again for coding the story's events otherwise: nothing the pass
	// writes in between changes a story's members or dates. A store with
	// batch reads (store.BatchReads) fills it with one read at the
	// pass's start.
	stories map[int64]*view.StorySummary
}

type cachedDoc struct {
	a  *store.Article
	an *analyse.Annotation
}

func newDocCache() *docCache {
	return &docCache{m: map[int64]cachedDoc{}, sents: story.NewSentenceCache(maxCachedDocs), coded: map[int64]*codedArticle{}}
}

// sentences returns the cache of split sentences (nil for a nil cache).
func (c *docCache) sentences() *story.SentenceCache {
	if c == nil {
		return nil
	}
	return c.sents
}

// get returns article id and its analysis.
func (c *docCache) get(ctx context.Context, st store.Store, id int64) (*store.Article, *analyse.Annotation, error) {
	if c != nil {
		c.mu.Lock()
		d, ok := c.m[id]
		c.mu.Unlock()
		if ok {
			return d.a, d.an, nil
		}
	}
	a, err := st.Article(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	an, err := st.Annotation(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	c.put(id, a, an)
	return a, an, nil
}

// put keeps an article read elsewhere.
func (c *docCache) put(id int64, a *store.Article, an *analyse.Annotation) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[id]; ok {
		return
	}
	if len(c.ring) < maxCachedDocs {
		c.ring = append(c.ring, id)
	} else {
		delete(c.m, c.ring[c.next])
		c.ring[c.next] = id
		c.next = (c.next + 1) % maxCachedDocs
	}
	c.m[id] = cachedDoc{a, an}
}

// keepStory keeps a story's listing for the rest of this pass.
func (c *docCache) keepStory(s *view.StorySummary) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stories == nil {
		c.stories = map[int64]*view.StorySummary{}
	}
	c.stories[s.ID] = s
}

// story returns a story's listing kept in this pass, nil when none is.
func (c *docCache) story(id int64) *view.StorySummary {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stories[id]
}

// endPass forgets the listings kept in a pass: the next batch changes
// stories.
func (c *docCache) endPass() {
	if c != nil {
		c.mu.Lock()
		c.stories = nil
		c.mu.Unlock()
	}
}
