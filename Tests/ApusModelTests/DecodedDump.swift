@testable import ApusModel

/// A canonical text of every stored value in a decoded model, found by reflection, so that two decodes can be
/// compared whole: dictionaries and sets are sorted (their order depends on insertion), and a ``RawJSON`` is written
/// in ``JSONTree/canonical`` form (it keeps its bytes verbatim, so two equivalent JSON texts differ there by design).
enum DecodedDump {
    static func of(_ value: Any) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    static func write(_ value: Any, into output: inout String) {
        if let raw = value as? RawJSON {
            output += "raw:" + (JSONTree.parse(raw.bytes)?.canonical ?? "unparsable \(raw.string)")
            return
        }
        if let text = value as? String {
            output += text.debugDescription
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let child = mirror.children.first {
                write(child.value, into: &output)
            } else {
                output += "nil"
            }
        case .dictionary, .set:
            let entries = mirror.children.map { of($0.value) }.sorted()
            output += "{" + entries.joined(separator: ",") + "}"
        case .collection:
            output += "["
            for child in mirror.children {
                write(child.value, into: &output)
                output += ","
            }
            output += "]"
        case .enum:
            output += "\(type(of: value)).\(mirror.children.first?.label ?? String(describing: value))"
            if let payload = mirror.children.first {
                output += "("
                write(payload.value, into: &output)
                output += ")"
            }
        case .struct, .class, .tuple:
            output += "\(type(of: value))("
            for child in mirror.children {
                output += (child.label ?? "_") + ":"
                write(child.value, into: &output)
                output += " "
            }
            output += ")"
        default:
            output += String(describing: value)
        }
    }
}
