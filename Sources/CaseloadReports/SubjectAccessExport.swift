import CaseloadKit
import Foundation

/// Everything held about one client, for a subject access request (UK GDPR article 15): the record
/// exactly as stored and every audited change to it, as JSON, and the same as readable Markdown.
///
/// Decisions:
/// - The JSON holds `Client` itself, encoded as the store writes it, so nothing is left out or
///   reworded; audit `before`/`after` values stay the compact JSON strings the log holds.
/// - Linked assets are named from the directory; an asset no longer in it keeps the name it had
///   when the connection was made, marked as not in the directory.
/// - Audit entries are given oldest first, whatever order they arrive in.
/// - The Markdown has every section even when empty ("None recorded."), so a reader can see that
///   nothing was left out, and ends with how the copy was produced.
public enum SubjectAccessExport {
    /// The formats a subject-access copy is written in: `json(…)` and `markdown(…)`.
    public static let formats: [DocumentFormat] = [.json, .markdown]

    public static func json(client: Client, audit: [RecordedChange], assets: [UUID: Asset], context: ExportContext) throws -> String {
        try DocumentText.json(RecordJSON.Document(kind: "subject-access", context: context, body: Body(
            client: client, audit: oldestFirst(audit), linkedAssets: linkedAssets(client, assets: assets),
            about: about(client, format: .json, context: context))))
    }

    public static func markdown(client: Client, audit: [RecordedChange], assets: [UUID: Asset], context: ExportContext) -> String {
        document(client: client, audit: oldestFirst(audit), assets: assets, context: context).markdown
    }

    /// `client-C-0042-2026-11-21.json`.
    public static func fileName(client: Client, format: DocumentFormat, on date: CalendarDate) -> String {
        "client-\(RecordWording.fileNamePart(client.reference))-\(date.iso).\(format.rawValue)"
    }

    private struct Body: Encodable {
        var client: Client
        var audit: [RecordedChange]
        var linkedAssets: [LinkedAsset]
        var about: String
    }

    struct LinkedAsset: Encodable {
        var id: UUID
        var name: String
        /// False when the asset's entry is no longer in the directory: the name is then the one
        /// recorded with the connection.
        var inDirectory: Bool
    }

    /// Each asset the client was ever connected to, once, in the order first connected.
    static func linkedAssets(_ client: Client, assets: [UUID: Asset]) -> [LinkedAsset] {
        var seen: Set<UUID> = []
        return client.connections.compactMap { connection in
            guard seen.insert(connection.assetID).inserted else { return nil }
            return LinkedAsset(id: connection.assetID, name: RecordWording.assetName(connection, assets: assets),
                               inDirectory: assets[connection.assetID] != nil)
        }
    }

    private static func oldestFirst(_ audit: [RecordedChange]) -> [RecordedChange] {
        audit.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    /// How the copy was produced, said in both formats.
    static func about(_ client: Client, format: DocumentFormat, context: ExportContext) -> String {
        let by = RecordWording.nonBlank(context.worker.name).map { " by \($0)" } ?? ""
        let produced = "Produced\(by) with Caseload on \(context.generatedText), from the record held for "
            + "\(client.name) (\(client.reference)) and the audit log of every change saved to it."
        return format == .json
            ? produced + " \"client\" is the record exactly as stored; audit values are the JSON the log holds."
            : produced + " The JSON copy holds the same record exactly as stored; this copy words it for reading. "
                + "Times are in the \(context.timeZone.identifier) time zone."
    }
}
