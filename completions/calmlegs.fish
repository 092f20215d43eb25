# fish completion for calmlegs. Installed as share/fish/vendor_completions.d/calmlegs.fish; or,
# for this shell only:
#     calmlegs completions fish | source
# The candidates come from the program itself (`calmlegs complete INDEX WORDS...`): its commands
# and options, and the names in the content in use, so that your own content completes too.

function __calmlegs_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct | string unescape)
    set -l lines (command $words[1] complete --describe (count $words) $words "$current" 2>/dev/null)
    switch "$lines[1]"
        case :files
            __fish_complete_path "$current"
        case :directories
            __fish_complete_directories "$current" ""
        case '*'
            printf '%s\n' $lines
    end
end

complete -c calmlegs -f -a '(__calmlegs_complete)'
