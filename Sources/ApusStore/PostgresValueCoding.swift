import Foundation
import NIOCore
import PostgresNIO

/// Conversion between ``StoreValue`` and postgres-nio's bindings and cells, and mapping of postgres-nio errors
/// to ``StoreError``.
enum PostgresValueCoding {
    static func bindings(_ parameters: [StoreValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: parameters.count)
        for parameter in parameters {
            switch parameter {
            case .null: bindings.appendNull()
            case .int64(let value): bindings.append(value)
            case .double(let value): bindings.append(value)
            case .text(let value): bindings.append(value)
            case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            case .bool(let value): bindings.append(value)
            }
        }
        return bindings
    }

    static func row(_ row: PostgresRow, columns: inout [String]?) throws(StoreError) -> StoreRow {
        var names: [String] = []
        var values: [StoreValue] = []
        for cell in row {
            if columns == nil { names.append(cell.columnName) }
            values.append(try value(cell))
        }
        if columns == nil { columns = names }
        return StoreRow(columns: columns ?? names, values: values)
    }

    static func value(_ cell: PostgresCell) throws(StoreError) -> StoreValue {
        guard cell.bytes != nil else { return .null }
        do {
            switch cell.dataType {
            case .int8: return .int64(try cell.decode(Int64.self))
            case .int4: return .int64(Int64(try cell.decode(Int32.self)))
            case .int2: return .int64(Int64(try cell.decode(Int16.self)))
            case .bool: return .bool(try cell.decode(Bool.self))
            case .float8: return .double(try cell.decode(Double.self))
            case .float4: return .double(Double(try cell.decode(Float.self)))
            case .bytea:
                var buffer = try cell.decode(ByteBuffer.self)
                return .blob(buffer.readBytes(length: buffer.readableBytes) ?? [])
            case .numeric:
                let decimal = try cell.decode(Decimal.self)
                let number = NSDecimalNumber(decimal: decimal)
                if decimal == Decimal(number.int64Value) { return .int64(number.int64Value) }
                return .double(number.doubleValue)
            default:
                return .text(try cell.decode(String.self))
            }
        } catch {
            throw StoreError(
                .typeMismatch, "cannot read column '\(cell.columnName)' of PostgreSQL type \(cell.dataType)")
        }
    }

    /// Maps a postgres-nio error to a ``StoreError``; `sql` is kept only in its short form.
    static func storeError(_ error: any Error, sql: String?) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is CancellationError { return StoreError(.other, "cancelled", statement: sql) }
        guard let error = error as? PSQLError else {
            return StoreError(.connection, "PostgreSQL: \(type(of: error))", statement: sql)
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            var message = error.serverInfo?[.message] ?? "server error"
            if let constraint = error.serverInfo?[.constraintName] { message += " (constraint \(constraint))" }
            // 57014 is query_canceled: the server's statement_timeout (a time-out) or a cancel request (busy).
            let kind = state == "57014" && message.contains("timeout") ? .timeout : kind(sqlState: state)
            return StoreError(kind, "\(message) [SQLSTATE \(state)]", statement: sql)
        case .queryCancelled:
            return StoreError(.other, "query cancelled", statement: sql)
        case .tooManyParameters:
            return StoreError(.syntax, "too many parameters", statement: sql)
        default:
            return StoreError(.connection, "PostgreSQL connection: \(error.code)", statement: sql)
        }
    }

    private static func kind(sqlState state: String) -> StoreError.Kind {
        switch state {
        case "23505": return .uniqueViolation
        case "23503": return .foreignKeyViolation
        case "23502": return .notNullViolation
        case "23514", "23P01", "23000", "23001": return .checkViolation
        case "40001", "40P01", "55P03", "57014": return .busy
        case "42601", "42803", "42804", "42883", "08P01", "22P02": return .syntax
        case "42P01", "42703", "42704", "3F000", "42P07", "42710", "42701": return .undefinedObject
        default:
            if state.hasPrefix("08") || state.hasPrefix("28") || state.hasPrefix("57P") || state == "3D000" {
                return .connection
            }
            if state.hasPrefix("23") { return .checkViolation }
            if state.hasPrefix("42") { return .syntax }
            return .other
        }
    }
}
