// Copies of themes/default.theme and themes/monochrome.theme, so `desk` has a theme wherever it
// is installed. A test checks they equal the files: edit both together.
enum BuiltInThemes {
    static let defaultTheme = """
# HallDesk theme "default": the terminal's own background, plain colours.
# role = foreground background [attributes] | monochrome attributes
# Colours: default black red green yellow blue magenta cyan white color0..color255
#   (256-colour values are folded onto the 8 basic colours on smaller terminals).
# Attributes: bold dim underline reverse, or none.
# The part after '|' is used on terminals without colour and when NO_COLOR is set.
# Every role must be listed. borders = lines | ascii.
borders = lines

normal      = default  default            | none
title       = white    blue     bold      | reverse bold
header      = cyan     default  bold      | bold underline
border      = blue     default            | none
selected    = black    cyan               | reverse
focused     = black    yellow             | reverse bold
input       = default  default  underline | underline
muted       = color245 default            | dim
keyHint     = yellow   default  bold      | bold
ok          = green    default            | none
warning     = yellow   default  bold      | bold
danger      = red      default  bold      | bold underline
priority    = magenta  default  bold      | bold
bigDigit    = yellow   default  reverse   | reverse
highlight   = black    green    bold      | reverse bold
statusError = white    red      bold      | reverse bold
statusInfo  = black    white              | reverse

"""

    static let monochrome = """
# HallDesk theme "monochrome": attributes only, for terminals without colour.
# role = foreground background [attributes] | monochrome attributes
borders = lines

normal      = default default            | none
title       = default default reverse bold | reverse bold
header      = default default bold underline | bold underline
border      = default default            | none
selected    = default default reverse    | reverse
focused     = default default reverse bold | reverse bold
input       = default default underline  | underline
muted       = default default dim        | dim
keyHint     = default default bold       | bold
ok          = default default            | none
warning     = default default bold       | bold
danger      = default default bold underline | bold underline
priority    = default default bold       | bold
bigDigit    = default default reverse    | reverse
highlight   = default default reverse bold | reverse bold
statusError = default default reverse bold | reverse bold
statusInfo  = default default reverse    | reverse

"""

    /// By name, as `--theme` gives it.
    static let all: [String: String] = ["default": defaultTheme, "monochrome": monochrome]
}
