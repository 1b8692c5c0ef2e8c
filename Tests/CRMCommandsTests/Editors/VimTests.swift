import Foundation
import Testing

/// `crm lsp` in Vim (Debian's vim-nox 9 with the vim-ale plug-in), in silent Ex mode with the
/// set-up docs/editors.md gives: a diagnostic read from ALE's list, completion and hover
/// through ALE's LSP client, and :ALEGoToDefinition.
@Suite("Editors: crm lsp in Vim with ALE", .serialized)
struct VimTests {
    static let isInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/vim")
        && FileManager.default.fileExists(atPath: "/usr/share/vim-ale/plugin/ale.vim")

    static let script = #"""
set nocompatible
let &runtimepath = '/usr/share/vim-ale,' . &runtimepath
filetype plugin on
" The set-up docs/editors.md gives, with the binary under test for crm.
call ale#linter#Define('yaml', {
\   'name': 'crm',
\   'lsp': 'stdio',
\   'executable': $CRM_BIN,
\   'command': '%e lsp',
\   'project_root': {buffer -> fnamemodify(finddir('.crm', fnamemodify(bufname(buffer), ':p:h') . ';'), ':p:h:h')},
\})
let g:ale_linters = {'yaml': ['crm']}
runtime plugin/ale.vim
let s:results = {}
function! s:Wait(Done) abort
  let l:tries = 0
  while !a:Done() && l:tries < 300
    sleep 100m
    let l:tries += 1
  endwhile
endfunction
function! s:Store(name, response) abort
  let s:results[a:name] = get(a:response, 'result', get(a:response, 'error', {}))
endfunction
execute 'edit ' . $CRM_ROOT . '/contacts/jana-mala.yaml'
let s:buffer = bufnr('')
call s:Wait({-> !empty(ale#engine#GetLoclist(s:buffer))})
let s:results.diagnostics = map(copy(ale#engine#GetLoclist(s:buffer)), {_, item -> {'lnum': item.lnum, 'col': item.col, 'code': get(item, 'code', ''), 'text': item.text}})
call ale#lsp_linter#SendRequest(s:buffer, 'crm', ale#lsp#message#Completion(s:buffer, 4, 15, ''), {response -> s:Store('completion', response)})
call ale#lsp_linter#SendRequest(s:buffer, 'crm', ale#lsp#message#Hover(s:buffer, 3, 2), {response -> s:Store('hover', response)})
call s:Wait({-> has_key(s:results, 'completion') && has_key(s:results, 'hover')})
call cursor(2, 12)
ALEGoToDefinition
call s:Wait({-> bufname('') !~# 'jana-mala'})
let s:results.jumped = expand('%:p')
call writefile([json_encode(s:results)], $CRM_OUT)
qa!
"""#

    @Test("A bad enum value's diagnostic, completion of its values, hover, a jump to a referenced record",
          .enabled(if: isInstalled, "Vim with ALE is not installed (make deps installs vim-nox and vim-ale)"))
    func vim() throws {
        let fixture = try EditorScript.fixture()
        let seen = try EditorScript.run(Self.script, as: "test.vim", command: ["vim", "-N", "-u", "SCRIPT", "-i", "NONE", "-es"], fixture: fixture)
        let diagnostics = seen["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?["lnum"] as? Int == 4 && diagnostics.first?["col"] as? Int == 15)
        #expect(diagnostics.first?["code"] as? String == "invalid-value")
        #expect((diagnostics.first?["text"] as? String)?.contains("did you mean 'contract'?") == true)
        let items = (seen["completion"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        #expect(items.prefix(2).compactMap { $0["label"] as? String } == ["consent", "contract"])
        let hover = ((seen["hover"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(hover?.hasPrefix("**role**") == true, "\(hover ?? "")")
        #expect((seen["jumped"] as? String)?.hasSuffix("/customers/acme.yaml") == true, "\(seen["jumped"] ?? "")")
    }
}
