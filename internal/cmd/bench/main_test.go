package main

import (
	"errors"
	"testing"
	"time"
)

func TestRepeat(t *testing.T) {
	s := time.Second
	for _, tc := range []struct {
		name    string
		runs    []usage
		want    usage
		wantErr bool
	}{
		{
			name: "one run",
			runs: []usage{{Wall: 2 * s, CPU: 3 * s, RSS: 100, Code: 1}},
			want: usage{Wall: 2 * s, MinWall: 2 * s, CPU: 3 * s, RSS: 100, Code: 1},
		},
		{
			name: "odd: the middle run, the fastest, the highest peak",
			runs: []usage{{Wall: 3 * s, CPU: 5 * s, RSS: 90}, {Wall: 1 * s, CPU: 2 * s, RSS: 120}, {Wall: 2 * s, CPU: 9 * s, RSS: 100}},
			want: usage{Wall: 2 * s, MinWall: 1 * s, CPU: 5 * s, RSS: 120},
		},
		{
			name: "even: the mean of the middle two",
			runs: []usage{{Wall: 4 * s, CPU: 4 * s}, {Wall: 1 * s, CPU: 1 * s}, {Wall: 2 * s, CPU: 3 * s}, {Wall: 9 * s, CPU: 9 * s}},
			want: usage{Wall: 3 * s, MinWall: 1 * s, CPU: 3500 * time.Millisecond},
		},
		{
			name:    "runs that exit differently",
			runs:    []usage{{Wall: s, Code: 1}, {Wall: s, Code: 2}},
			wantErr: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			i := 0
			got, err := repeat(len(tc.runs), func() (usage, error) {
				i++
				return tc.runs[i-1], nil
			})
			if (err != nil) != tc.wantErr {
				t.Fatalf("error %v, want one: %v", err, tc.wantErr)
			}
			if err == nil && got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
	boom := errors.New("boom")
	if _, err := repeat(3, func() (usage, error) { return usage{}, boom }); !errors.Is(err, boom) {
		t.Errorf("a failed run: got %v", err)
	}
}
