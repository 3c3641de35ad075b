/// A fault in a CSV file's structure, with the line it is on (counting from 1, as editors do).
struct CSVSyntaxError: Error, Equatable {
    var line: Int
    var problem: String
}

/// One data row, read by column name.
struct CSVRow {
    /// The line the row starts on.
    let line: Int
    private let fields: [String]
    private let columns: [String: Int]

    init(line: Int, fields: [String], columns: [String: Int]) {
        self.line = line
        self.fields = fields
        self.columns = columns
    }

    /// The trimmed value, or empty when the table has no such column.
    subscript(column: String) -> String {
        guard let position = columns[column], position < fields.count else { return "" }
        return fields[position].trimmed
    }
}

/// A CSV table with a header row (RFC 4180): fields separated by commas, optionally quoted, with
/// `""` for a quote and commas and line breaks allowed inside quotes; CRLF or LF line ends; a
/// leading byte order mark and blank lines are ignored. Every row must have as many fields as the header.
struct CSVTable {
    /// Column names from the header, lower-cased and trimmed.
    let header: [String]
    let rows: [CSVRow]

    static func parse(_ text: String) throws(CSVSyntaxError) -> CSVTable {
        let records = try records(Array(text.utf8))
        guard let first = records.first else { return CSVTable(header: [], rows: []) }
        let header = first.fields.map { $0.trimmed.lowercased() }
        var columns: [String: Int] = [:]
        for (position, name) in header.enumerated() where columns[name] == nil {
            columns[name] = position
        }
        var rows: [CSVRow] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw CSVSyntaxError(line: record.line, problem: "has \(record.fields.count) "
                    + "\(record.fields.count == 1 ? "column" : "columns") but the header has \(header.count)")
            }
            rows.append(CSVRow(line: record.line, fields: record.fields, columns: columns))
        }
        return CSVTable(header: header, rows: rows)
    }

    private struct Record {
        var line: Int
        var fields: [String]
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    /// Splits the bytes into records, leaving out blank lines.
    private static func records(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var fieldStarted = false
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        func endRecord() {
            endField()
            let blank = fields.count == 1 && fields[0].isEmpty
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        /// Moves past a line end (CRLF, LF or a lone CR) and counts it.
        func skipLineEnd() {
            if bytes[index] == cr, index + 1 < bytes.count, bytes[index + 1] == lf { index += 1 }
            index += 1
            line += 1
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote && !fieldStarted && field.isEmpty {
                let openingLine = line
                index += 1
                while true {
                    guard index < bytes.count else {
                        throw CSVSyntaxError(line: openingLine, problem: "a quoted field is never closed")
                    }
                    let inner = bytes[index]
                    if inner == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if inner == cr || inner == lf {
                        let start = index
                        skipLineEnd()
                        field.append(contentsOf: bytes[start..<index])
                        continue
                    }
                    field.append(inner)
                    index += 1
                }
                fieldStarted = true
                if index < bytes.count, ![comma, cr, lf].contains(bytes[index]) {
                    throw CSVSyntaxError(line: line, problem: "unexpected text after a closing quote")
                }
                continue
            }
            switch byte {
            case comma:
                endField()
                index += 1
            case cr, lf:
                endRecord()
                skipLineEnd()
                recordLine = line
            default:
                // A quote inside an unquoted field is kept as written, as most spreadsheets do.
                field.append(byte)
                fieldStarted = true
                index += 1
            }
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
