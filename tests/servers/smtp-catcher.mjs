// A real SMTP server (nodemailer's smtp-server) on 127.0.0.1 that keeps every message it
// receives, and a small HTTP endpoint on 127.0.0.1 to read them: GET /messages returns
// [{ from, to: [...], raw }] (raw is the whole RFC 5322 message); DELETE /messages empties it.
// Prints one JSON line {"smtp": port, "http": port} when both listen; ports are chosen by the OS.
import { SMTPServer } from "smtp-server";
import http from "node:http";

const messages = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      messages.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

const api = http.createServer((request, response) => {
  if (request.url === "/messages" && request.method === "GET") {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(messages));
  } else if (request.url === "/messages" && request.method === "DELETE") {
    messages.length = 0;
    response.writeHead(204).end();
  } else {
    response.writeHead(404).end();
  }
});

smtp.listen(0, "127.0.0.1", () => {
  api.listen(0, "127.0.0.1", () => {
    console.log(JSON.stringify({ smtp: smtp.server.address().port, http: api.address().port }));
  });
});

// Stop with the test run: the parent closes stdin.
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
