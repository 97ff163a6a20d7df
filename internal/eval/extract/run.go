package extract

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

// Predictions are an extractor's outputs keyed by Page.ID; Failed holds the
// pages on which it returned an error (or panicked).
type Predictions struct {
	Text   map[string]string
	Failed map[string]error
}

// Run applies ex to every page with workers goroutines (GOMAXPROCS when
// workers <= 0). A panic inside ex is recovered and recorded as a failure.
func Run(ctx context.Context, pages []Page, ex Extractor, workers int) (Predictions, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := Predictions{Text: make(map[string]string, len(pages)), Failed: map[string]error{}}
	var mu sync.Mutex
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				p := pages[i]
				text, err := runOne(ex, p)
				mu.Lock()
				if err != nil {
					out.Failed[p.ID] = err
				} else {
					out.Text[p.ID] = text
				}
				mu.Unlock()
			}
		}()
	}
	var err error
feed:
	for i := range pages {
		select {
		case jobs <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	return out, err
}

func runOne(ex Extractor, p Page) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extractor panicked on %s: %v", p.ID, r)
		}
	}()
	return ex(p.HTML, p.URL)
}
