// Feeds arbitrary text to the query language: `--where` conditions (RecordQuery), report
// measures (Measure), `--sort` and `--fields` specifications, against sample-workspace's schema.
// The first byte picks the record type and what to parse; the rest is the text. Parsing must
// either succeed or throw a `QueryError` with a column inside the text; a query that parses is
// then run over a few of sample-workspace's records, which must not crash either.
import CRMQuery
import CRMSyntax
import CRMWorkspace
import FuzzSupport

/// sample-workspace, found from this file's place in the repository.
let root: String = {
    var path = #filePath
    for _ in 0..<4 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return path + "/sample-workspace"
}()
let workspace: Workspace = {
    var workspace = Workspace(root: root)
    workspace.usesCache = false  // leave sample-workspace/.crm/cache alone
    return workspace
}()
let schema = workspace.schema
let types = schema.types
let index: WorkspaceIndex = {
    require(!types.isEmpty, "no types in \(root)")
    return WorkspaceIndex(workspace: workspace)
}()
/// Up to 20 records of each type, to run the queries that parse over.
let samples: [String: [Int]] = Dictionary(uniqueKeysWithValues: types.map { ($0.name, Array(index.positions(ofType: $0.name).prefix(20))) })
let today = CivilDate("2026-11-22")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let selector = Int(bytes[0])
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let type = types[(selector >> 2) % types.count]
    let positions = samples[type.name] ?? []
    let length = text.unicodeScalars.count
    do {
        switch selector & 3 {
        case 0:
            let query = try RecordQuery(text, type: type, schema: schema, today: today)
            _ = query.filter(positions, in: index)
        case 1:
            let measure = try Measure(text, type: type, schema: schema, today: today)
            _ = measure.compute(positions, index: index)
        case 2:
            let sorter = try RecordSorter(text, type: type, schema: schema, today: today)
            _ = sorter.sorted(positions.map { index.records[$0] }, index: index)
        default:
            let column = try ColumnSpec(text, type: type, schema: schema, today: today)
            for position in positions { _ = column.values(of: index.records[position], in: index) }
        }
    } catch {
        require(error.column >= 1 && error.column <= length + 1, "error column \(error.column) outside 1...\(length + 1) in \(error)")
        require(!error.message.isEmpty, "an error without a message")
    }
    return 0
}
