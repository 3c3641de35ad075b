import CaseloadKit

/// The shapes a JSON feed comes in, and where each service sits in it, so that an error can say
/// `contents[3] (service "Community Counselling"), field "status"`.
enum JSONFeedShape {
    static func services(in document: JSONValue, file: String) throws(FeedError) -> [FeedService] {
        switch document {
        case .array(let items):
            return try services(items, label: "", file: file)
        case .object(let fields):
            // Paged lists: `contents` in HSDS 3, `content` in ORUK v1. Anything else is one service.
            for key in ["contents", "content"] where fields[key] != nil {
                switch fields[key] {
                case .array(let items)?: return try services(items, label: key, file: file)
                case .null?: return []
                case let other?:
                    throw FeedError(file: file, place: "field \"\(key)\"",
                                    problem: "expected a list of services, found \(other.kind)")
                case nil: continue
                }
            }
            return [try service(fields, label: "", file: file)]
        default:
            throw FeedError(file: file, problem: "expected a service, a list of services or a paged list, "
                + "found \(document.kind)")
        }
    }

    private static func services(_ items: [JSONValue], label: String, file: String) throws(FeedError) -> [FeedService] {
        var services: [FeedService] = []
        for (position, item) in items.enumerated() {
            let itemLabel = "\(label)[\(position)]"
            switch item {
            case .null: continue
            case .object(let fields): services.append(try service(fields, label: itemLabel, file: file))
            default: throw FeedError(file: file, place: itemLabel, problem: "expected a service object, found \(item.kind)")
            }
        }
        return services
    }

    private static func service(_ fields: [String: JSONValue], label: String, file: String) throws(FeedError) -> FeedService {
        do {
            return ServiceFlattening.feedService(try JSONServiceReader.record(JSONFields(fields)))
        } catch {
            let place = [serviceLabel(fields, position: label), "field \"\(error.field)\""]
                .filter { !$0.isEmpty }.joined(separator: ", ")
            throw FeedError(file: file, place: place, problem: error.problem)
        }
    }

    /// `contents[3] (service "Community Counselling")`, `[2] (service id "s-17")`, or
    /// `service "Community Counselling"` for a file holding one service.
    private static func serviceLabel(_ fields: [String: JSONValue], position: String) -> String {
        var who = ""
        if case .string(let name)? = fields["name"], !name.trimmed.isEmpty {
            who = "service \"\(name.trimmed)\""
        } else if case .string(let id)? = fields["id"], !id.trimmed.isEmpty {
            who = "service id \"\(id.trimmed)\""
        } else if case .number(let id)? = fields["id"] {
            who = "service id \(id)"
        }
        if position.isEmpty { return who }
        return who.isEmpty ? position : "\(position) (\(who))"
    }
}
