package annexa.controls.c5_1.example_failing_test

# A deliberately failing test: `annexa policy test` must report it and exit 1.
test_fail_on_purpose if {
	1 == 2
}
