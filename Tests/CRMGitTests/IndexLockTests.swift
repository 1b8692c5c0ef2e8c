import CRMTestSupport
import Foundation
import Testing
@testable import CRMGit
@testable import CRMWorkspace

/// git's index lock as crm takes it: exclusively, waiting briefly for another process, and
/// installing the new index the way git does.
@Suite("git's index lock")
struct IndexLockTests {
    @Test("A lock another process holds is waited for, then reported with its path; nothing is changed")
    func heldByAnother() throws {
        let fixture = try GitWorkspace()
        let repository = try #require(try Repository.discover(containing: fixture.root))
        let lock = repository.gitFolder + "/index.lock"
        FileManager.default.createFile(atPath: lock, contents: Data("other".utf8))
        let started = Date()
        #expect {
            try IndexLock(repository: repository, timeout: 0.2)
        } throws: { error in
            (error as? GitError)?.message.contains("index.lock exists after waiting 0.2 s") == true
        }
        #expect(Date().timeIntervalSince(started) >= 0.2)
        #expect(try String(contentsOfFile: lock, encoding: .utf8) == "other")
    }

    @Test("A lock released while crm waits is taken")
    func releasedWhileWaiting() throws {
        let fixture = try GitWorkspace()
        let repository = try #require(try Repository.discover(containing: fixture.root))
        let lock = repository.gitFolder + "/index.lock"
        FileManager.default.createFile(atPath: lock, contents: Data())
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { try? FileManager.default.removeItem(atPath: lock) }
        let taken = try IndexLock(repository: repository, timeout: 5)
        #expect(IndexLock.isMarkedByCrm(lock))
        taken.release()
        #expect(FileManager.default.fileExists(atPath: lock) == false)
    }

    @Test("An index written into the lock and installed is the one git reads; the lock is gone")
    func installs() throws {
        let fixture = try GitWorkspace()
        try fixture.write("customers/acme.yaml", "name: Acme\n")
        let repository = try #require(try Repository.discover(containing: fixture.root))
        let lock = try IndexLock(repository: repository, timeout: 1)
        let blob = try repository.storeBlob("customers/acme.yaml", environment: fixture.environment)
        let temporary = repository.gitFolder + "/crm-test-index"
        try repository.writeIndex([IndexChange(path: "customers/acme.yaml", blob: blob)], to: temporary)
        #expect(try fixture.git("status", "--porcelain") == "?? customers/\n")
        try lock.fill(from: temporary)
        try lock.install()
        #expect(try fixture.git("status", "--porcelain") == "A  customers/acme.yaml\n")
        #expect(FileManager.default.fileExists(atPath: repository.gitFolder + "/index.lock") == false)
        try fixture.git("fsck", "--strict")
    }

    @Test("A stale lock is removed only while it is the same file")
    func staleLock() throws {
        let fixture = try GitWorkspace()
        let repository = try #require(try Repository.discover(containing: fixture.root))
        let path = repository.gitFolder + "/index.lock"
        let lock = try IndexLock(repository: repository, timeout: 1)
        let identity = lock.identity
        lock.release()
        FileManager.default.createFile(atPath: path, contents: Data("another process".utf8))
        #expect(IndexLock.removeStale(at: path, identity: identity) == false)
        #expect(FileManager.default.fileExists(atPath: path))
        let other = try #require(SystemCall.identity(of: path))
        #expect(IndexLock.removeStale(at: path, identity: other))
        #expect(FileManager.default.fileExists(atPath: path) == false)
    }
}
