package corpus

import (
	"context"
	"fmt"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/story"
)

// The clusterer's and the actor registry's states grow with the corpus,
// while a batch changes a small part of them. After a batch the stage
// writes only the changes (store.Derived.StateLog: story.StateLog,
// entity.Registry.MarshalDelta) and writes a state whole only when its
// log has grown as large as the whole state was (so the log costs at most
// the state's size to replay, and the whole writes at most as much as the
// changes, per batch on average), when none is stored yet, or when the
// clusterer was restored after a fault. The changes go in the transaction
// that stores the batch's results, so a state as stored always matches
// the results stored. A database written before the log existed holds
// the whole states only: they are the base the log starts from.

// stateSize is the size of a state as stored: its whole value and the
// changes logged after it.
type stateSize struct{ whole, logged int }

// compact reports whether the next write should be the whole state.
func (z stateSize) compact() bool { return z.whole == 0 || z.logged >= z.whole || alwaysWhole }

// alwaysWhole makes the stage write its states whole after every batch,
// as it did before the log (tests: a database of that time).
var alwaysWhole bool

// stored updates z after d was stored.
func (z *stateSize) stored(d *store.Derived, name string) {
	if b, ok := d.State[name]; ok {
		z.whole, z.logged = len(b), 0
	}
	z.logged += len(d.StateLog[name])
}

// loadState reads a state's whole value and the changes logged after it.
func loadState(ctx context.Context, st store.Store, name string) (base []byte, log [][]byte, z stateSize, err error) {
	if base, err = st.State(ctx, name); err != nil {
		return nil, nil, z, err
	}
	if log, err = st.StateLog(ctx, name); err != nil {
		return nil, nil, z, err
	}
	if base == nil && len(log) > 0 {
		return nil, nil, z, fmt.Errorf("corpus: state %s: %d changes logged without a whole state", name, len(log))
	}
	z.whole = len(base)
	for _, b := range log {
		z.logged += len(b)
	}
	return base, log, z, nil
}

// loadClusterer restores the clusterer as stored (a new one if none is).
func loadClusterer(ctx context.Context, st store.Store, cfg story.Config) (*story.Clusterer, stateSize, error) {
	cl := story.NewClusterer(cfg)
	base, log, z, err := loadState(ctx, st, clustererState)
	if err != nil {
		return nil, z, err
	}
	if base != nil {
		if err := cl.UnmarshalState(base, log); err != nil {
			return nil, z, fmt.Errorf("corpus: story state: %w", err)
		}
	}
	return cl, z, nil
}

// saveState puts the clusterer's and the registry's states in d: whole,
// or what changed since they were stored.
func (sg *Stage) saveState(d *store.Derived) error {
	if d.StateLog == nil {
		d.StateLog = map[string][]byte{}
	}
	if sg.clSize.compact() || !sg.clLog.Of(sg.cl) {
		b, err := sg.cl.MarshalBinary()
		if err != nil {
			return err
		}
		d.State[clustererState] = b
		sg.clLog = story.NewStateLog(sg.cl)
	} else {
		d.StateLog[clustererState] = sg.clLog.Delta()
	}
	// the registry's changes are taken either way: after a whole write
	// they start from it
	delta, err := sg.acts.reg.MarshalDelta()
	if err != nil {
		return err
	}
	if sg.regSize.compact() {
		if d.State[registryState], err = sg.acts.reg.MarshalBinary(); err != nil {
			return err
		}
	} else {
		d.StateLog[registryState] = delta
	}
	return nil
}
