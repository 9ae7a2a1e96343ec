# The handler of the docs' walkthrough, reduced to the echo the other subjects do (the docs' version also logs the
# event to stderr and wraps it in "Echoing request: '...'").
function handler () {
  printf '%s' "$1"
}
