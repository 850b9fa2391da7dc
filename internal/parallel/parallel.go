// Package parallel runs independent pieces of work on a bounded number of
// goroutines.
package parallel

import "sync"

// ForEach calls fn for 0 to n-1 on up to workers goroutines and returns
// when every call has. Each fn writes its own result slot, so callers get
// results in index order whatever order the calls finish in.
func ForEach(n, workers int, fn func(i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(workers, n)) {
		wg.Go(func() {
			for i := range jobs {
				fn(i)
			}
		})
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// Chunks calls fn for consecutive ranges [start, end) of at most size
// elements covering 0 to n-1, on up to workers goroutines.
func Chunks(n, size, workers int, fn func(start, end int)) {
	ForEach((n+size-1)/size, workers, func(c int) {
		fn(c*size, min((c+1)*size, n))
	})
}
