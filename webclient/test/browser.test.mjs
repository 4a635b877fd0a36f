// The browser tests of the Hearth web client against the real server, all in this one
// process, so that they share one server node and one Chromium (test-support/helpers.mjs
// starts them for the first suite and stops them after the last). Each suite registers
// players of its own and leaves nothing the next one depends on.
//
//   cd webclient && node --test test/                      # these and the unit tests
//   node --test browser-tests/world.mjs                    # one suite, on a server of its own
//
// Needs the built server (verticles/node/target/hearth-node.jar, from `mvn package`), a JDK
// >= 21 (JAVA_HOME) and Chromium (CHROMIUM, default /usr/bin/chromium); psql makes the
// match short (without it the match is played by the default settings). See README.md.
import '../browser-tests/login.mjs';
import '../browser-tests/world.mjs';
// Last: it stops the server and starts it again.
import '../browser-tests/screen.mjs';
