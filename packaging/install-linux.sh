#!/bin/sh
# Install this briefgen folder for the current user: a launcher in ~/.local/bin, a menu entry
# and icon, and .brief files opening with briefgen. No root needed; run it from the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/mime/packages"
ln -sf "$here/briefgen" "$HOME/.local/bin/briefgen"
cp "$here/briefgen.png" "$data/icons/hicolor/256x256/apps/briefgen.png"
sed "s|^Exec=.*|Exec=$here/briefgen gui %f|" "$here/briefgen.desktop" > "$data/applications/briefgen.desktop"
cat > "$data/mime/packages/briefgen.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-briefgen-brief">
    <comment>briefgen brief</comment>
    <glob pattern="*.brief"/>
  </mime-type>
</mime-info>
XML
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "briefgen installed for $(id -un): run 'briefgen' or find it in the Office menu."
