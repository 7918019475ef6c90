# Handler of the shell function: `function.handler` calls handler with the event JSON as $1.
handler() {
  EVENT_DATA=$1
  echo "{\"received\": $EVENT_DATA}"
}
