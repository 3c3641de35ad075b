import Foundation

/// A mapped JSON field whose value has the wrong type, named by its path inside the service record
/// (`service_at_locations[0].location.addresses[1].city`).
struct FieldProblem: Error, Equatable {
    var field: String
    var problem: String
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Numbers as people write them: whole numbers without a decimal point.
enum NumberText {
    /// Accepts what a feed might put in a number field: digits, a sign, a decimal point, an
    /// exponent. Nil for anything else, including infinities.
    static func parse(_ text: String) -> Double? {
        guard let value = Double(text.trimmed), value.isFinite else { return nil }
        return value
    }

    static func plain(_ value: Double) -> String {
        // The bound keeps the conversion to Int safe.
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

/// One JSON object read field by field. Absent and null fields read as empty; a mapped field of
/// the wrong type is a `FieldProblem` naming its path. Fields that are not mapped are never looked at.
struct JSONFields {
    let values: [String: JSONValue]
    /// Where this object sits in the service record; empty for the record itself.
    let path: String

    init(_ values: [String: JSONValue], path: String = "") {
        self.values = values
        self.path = path
    }

    func path(of key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Trimmed text; a number, true/false, list or object is a problem.
    func text(_ key: String) throws(FieldProblem) -> String {
        switch values[key] {
        case nil, .null?: return ""
        case .string(let text)?: return text.trimmed
        case let other?: throw FieldProblem(field: path(of: key), problem: "expected text, found \(other.kind)")
        }
    }

    /// Text, or a number as written: ids, phone numbers and extensions are often published as numbers.
    func textOrNumber(_ key: String) throws(FieldProblem) -> String {
        if case .number(let literal)? = values[key] { return literal }
        return try text(key)
    }

    /// A number, or text holding one (tabular exports often quote numbers).
    func number(_ key: String) throws(FieldProblem) -> Double? {
        switch values[key] {
        case nil, .null?:
            return nil
        case .number(let literal)?:
            guard let value = NumberText.parse(literal) else {
                throw FieldProblem(field: path(of: key), problem: "the number \(literal) is too large")
            }
            return value
        case .string(let text)?:
            if text.trimmed.isEmpty { return nil }
            guard let value = NumberText.parse(text) else {
                throw FieldProblem(field: path(of: key), problem: "expected a number, found \"\(text)\"")
            }
            return value
        case let other?:
            throw FieldProblem(field: path(of: key), problem: "expected a number, found \(other.kind)")
        }
    }

    func object(_ key: String) throws(FieldProblem) -> JSONFields? {
        switch values[key] {
        case nil, .null?: return nil
        case .object(let fields)?: return JSONFields(fields, path: path(of: key))
        case let other?: throw FieldProblem(field: path(of: key), problem: "expected an object, found \(other.kind)")
        }
    }

    /// A list of objects; null items are passed over.
    func objects(_ key: String) throws(FieldProblem) -> [JSONFields] {
        switch values[key] {
        case nil, .null?:
            return []
        case .array(let items)?:
            var objects: [JSONFields] = []
            for (position, item) in items.enumerated() {
                let itemPath = "\(path(of: key))[\(position)]"
                switch item {
                case .null: continue
                case .object(let fields): objects.append(JSONFields(fields, path: itemPath))
                default: throw FieldProblem(field: itemPath, problem: "expected an object, found \(item.kind)")
                }
            }
            return objects
        case let other?:
            throw FieldProblem(field: path(of: key), problem: "expected a list, found \(other.kind)")
        }
    }
}
