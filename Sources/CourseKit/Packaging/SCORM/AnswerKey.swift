import Crypto
import Foundation

/// How SCORM and cmi5 pages carry a quiz's answers without showing them in plain text.
///
/// Every question gets a salt (derived from the course, edition, quiz and question, so builds
/// stay reproducible). A correct response is stored only as the first 24 hex digits of
/// SHA-256 of `salt|response`; the page's runtime hashes what the learner answered the same
/// way and compares. Explanations (which usually give the answer away) are XORed with a
/// SHA-256 key stream of the salt and base64-encoded, and decoded only after the learner
/// submits.
///
/// This keeps answers from being read casually in the page source. It is **not** security:
/// the salt and the code are in the page, choice questions have few possible responses, and
/// anyone who runs the hash over every option finds the key in moments. A quiz that needs to
/// be secret must be delivered by the LMS's own question bank.
enum AnswerKey {
    /// A question's salt: 16 hex digits.
    static func salt(_ parts: [String]) -> String {
        String(SHA256Hex.digest(Data(("coursekit-answer-key\u{1F}" + parts.joined(separator: "\u{1F}")).utf8)).prefix(16))
    }

    /// The stored form of one correct response.
    static func hash(salt: String, _ response: String) -> String {
        String(SHA256Hex.digest(Data((salt + "|" + response).utf8)).prefix(24))
    }

    /// A typed answer as it is compared: Unicode NFC, lower case, white space trimmed and
    /// collapsed. The runtime does the same (`normalize("NFC").toLowerCase()`, `/\s+/`).
    static func normalizeTyped(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `text` XORed with the key stream SHA-256(`salt|x|0`), SHA-256(`salt|x|1`), … and
    /// base64-encoded.
    static func obscure(_ text: String, salt: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var block = 0
        while out.count < bytes.count {
            let stream = Array(SHA256.hash(data: Data((salt + "|x|" + String(block)).utf8)))
            for byte in stream where out.count < bytes.count {
                out.append(bytes[out.count] ^ byte)
            }
            block += 1
        }
        return Data(out).base64EncodedString()
    }
}
