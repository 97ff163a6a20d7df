package gazbuild

import (
	"math"
	"sort"
)

type pt struct {
	lat, lon float64
	pop      uint32
}

type cell struct{ y, x int }

// centroid gives a region a representative point when the source data has
// none: the populated places of the region are binned into cells of size
// deg degrees, the largest 8-connected group of occupied cells is kept
// (the mainland: overseas islands and outliers drop out), and the centroid
// of those cells (each at the mean of its places, weighted by cos latitude
// so each cell counts for its area, not for how many towns it holds) is
// returned. With fill, the gaps of each row of cells between its westmost
// and eastmost occupied cell are filled first (empty deserts, forests and
// tundra inside a country count for their area). This approximates the centre of the region's inhabited area,
// which is close to where GeoNames puts country and admin-1 points.
func centroid(ps []pt, deg float64, fill bool) (lat, lon float64) {
	type acc struct {
		la, lo float64
		n      int
	}
	cells := map[cell]*acc{}
	for _, p := range ps {
		c := cell{int(math.Floor(p.lat / deg)), int(math.Floor(p.lon / deg))}
		a := cells[c]
		if a == nil {
			a = &acc{}
			cells[c] = a
		}
		a.la += p.lat
		a.lo += p.lon
		a.n++
	}
	keys := make([]cell, 0, len(cells))
	for c := range cells {
		keys = append(keys, c)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].y != keys[j].y {
			return keys[i].y < keys[j].y
		}
		return keys[i].x < keys[j].x
	})
	seen := map[cell]bool{}
	var best []cell
	for _, c := range keys {
		if seen[c] {
			continue
		}
		comp := []cell{c}
		seen[c] = true
		for i := 0; i < len(comp); i++ {
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					n := cell{comp[i].y + dy, comp[i].x + dx}
					if cells[n] != nil && !seen[n] {
						seen[n] = true
						comp = append(comp, n)
					}
				}
			}
		}
		if len(comp) > len(best) {
			best = comp
		}
	}
	if fill {
		best = fillRows(best)
	}
	var w, sla, slo float64
	for _, c := range best {
		mla, mlo := (float64(c.y)+0.5)*deg, (float64(c.x)+0.5)*deg
		if a := cells[c]; a != nil {
			mla, mlo = a.la/float64(a.n), a.lo/float64(a.n)
		}
		cw := math.Cos(mla * math.Pi / 180)
		w += cw
		sla += cw * mla
		slo += cw * mlo
	}
	return sla / w, slo / w
}

// fillRows adds, for every row of cells, the cells between the row's
// westmost and eastmost member.
func fillRows(cs []cell) []cell {
	lo, hi := map[int]int{}, map[int]int{}
	for _, c := range cs {
		if v, ok := lo[c.y]; !ok || c.x < v {
			lo[c.y] = c.x
		}
		if v, ok := hi[c.y]; !ok || c.x > v {
			hi[c.y] = c.x
		}
	}
	var out []cell
	for y, a := range lo {
		for x := a; x <= hi[y]; x++ {
			out = append(out, cell{y, x})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].y != out[j].y {
			return out[i].y < out[j].y
		}
		return out[i].x < out[j].x
	})
	return out
}
