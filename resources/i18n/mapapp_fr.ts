<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <comment>fade</comment>
        <translation>
            <numerusform>%Ln jour</numerusform>
            <numerusform>%Ln jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim(s)</source>
        <comment>caption</comment>
        <translation>
            <numerusform>%Ln affirmation</numerusform>
            <numerusform>%Ln affirmations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s)</source>
        <comment>validate</comment>
        <translation>
            <numerusform>%Ln problème</numerusform>
            <numerusform>%Ln problèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <comment>install-desktop</comment>
        <translation>
            <numerusform>%Ln fichier</numerusform>
            <numerusform>%Ln fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <comment>cli</comment>
        <translation>
            <numerusform>%Ln événement</numerusform>
            <numerusform>%Ln événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln place(s)</source>
        <comment>cli</comment>
        <translation>
            <numerusform>%Ln localité</numerusform>
            <numerusform>%Ln localités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <comment>cli</comment>
        <translation>
            <numerusform>%Ln remarque</numerusform>
            <numerusform>%Ln remarques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Basemap: %Ln tile(s) could not be loaded ({why}); the vector map shows there.</source>
        <comment>basemap</comment>
        <translation>
            <numerusform>Fond de carte&#xa0;: %Ln tuile n&apos;a pas pu être chargée ({why})&#xa0;; la carte vectorielle s&apos;affiche à sa place.</numerusform>
            <numerusform>Fond de carte&#xa0;: %Ln tuiles n&apos;ont pas pu être chargées ({why})&#xa0;; la carte vectorielle s&apos;affiche à leur place.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <comment>forms</comment>
        <translation>
            <numerusform>… et %Ln autre</numerusform>
            <numerusform>… et %Ln autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s)/s</source>
        <comment>timeline</comment>
        <translation>
            <numerusform>%Ln pas/s</numerusform>
            <numerusform>%Ln pas/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln place name(s) in the article, {todo} not placed yet: click one to place it.</source>
        <comment>article places</comment>
        <translation>
            <numerusform>%Ln nom de lieu dans l&apos;article, {todo} à placer&#xa0;: cliquez sur un nom pour le placer.</numerusform>
            <numerusform>%Ln noms de lieux dans l&apos;article, {todo} à placer&#xa0;: cliquez sur un nom pour le placer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %Ln place(s) found in the article</source>
        <comment>article places</comment>
        <translation>
            <numerusform>Ajout de %Ln localité trouvée dans l&apos;article</numerusform>
            <numerusform>Ajout de %Ln localités trouvées dans l&apos;article</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more at this point</source>
        <comment>side panel</comment>
        <translation>
            <numerusform>… et %Ln autre à cet endroit</numerusform>
            <numerusform>… et %Ln autres à cet endroit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>left out %Ln events without a day or a position</source>
        <comment>convert</comment>
        <translation>
            <numerusform>%Ln événement sans jour ni position laissé de côté</numerusform>
            <numerusform>%Ln événements sans jour ni position laissés de côté</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>left out %Ln events without a position</source>
        <comment>convert</comment>
        <translation>
            <numerusform>%Ln événement sans position laissé de côté</numerusform>
            <numerusform>%Ln événements sans position laissés de côté</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <comment>problems</comment>
        <translation>
            <numerusform>(et %n autre)</numerusform>
            <numerusform>(et %n autres)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened {file} (%Ln event(s))</source>
        <comment>window</comment>
        <translation>
            <numerusform>{file} ouvert (%Ln événement)</numerusform>
            <numerusform>{file} ouvert (%Ln événements)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened {name} from the store (%Ln event(s))</source>
        <comment>window</comment>
        <translation>
            <numerusform>{name} ouvert depuis le dépôt (%Ln événement)</numerusform>
            <numerusform>{name} ouvert depuis le dépôt (%Ln événements)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <comment>window</comment>
        <translation>
            <numerusform>… et %Ln autre</numerusform>
            <numerusform>… et %Ln autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <comment>store</comment>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <comment>store</comment>
        <translation>
            <numerusform>%Ln ligne</numerusform>
            <numerusform>%Ln lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) restored</source>
        <comment>store</comment>
        <translation>
            <numerusform>%Ln élément rétabli</numerusform>
            <numerusform>%Ln éléments rétablis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reading %Ln row(s)</source>
        <comment>store</comment>
        <translation>
            <numerusform>lecture de %Ln ligne</numerusform>
            <numerusform>lecture de %Ln lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln situation(s) in this store.</source>
        <comment>store</comment>
        <translation>
            <numerusform>%Ln situation dans ce dépôt.</numerusform>
            <numerusform>%Ln situations dans ce dépôt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not in the store yet: {why}. They stay here and in the recovery file.</source>
        <comment>window</comment>
        <translation>
            <numerusform>%Ln modification pas encore dans le dépôt&#xa0;: {why}. Elle reste ici et dans le fichier de récupération.</numerusform>
            <numerusform>%Ln modifications pas encore dans le dépôt&#xa0;: {why}. Elles restent ici et dans le fichier de récupération.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared: {where} · store unreachable, %Ln change(s) kept here</source>
        <comment>store</comment>
        <translation>
            <numerusform>Partagée&#xa0;: {where} · dépôt injoignable, %Ln modification gardée ici</numerusform>
            <numerusform>Partagée&#xa0;: {where} · dépôt injoignable, %Ln modifications gardées ici</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared: {where} · %Ln conflict(s) to decide</source>
        <comment>store</comment>
        <translation>
            <numerusform>Partagée&#xa0;: {where} · %Ln conflit à trancher</numerusform>
            <numerusform>Partagée&#xa0;: {where} · %Ln conflits à trancher</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more change(s)</source>
        <comment>store</comment>
        <translation>
            <numerusform>et %Ln autre modification</numerusform>
            <numerusform>et %Ln autres modifications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>usage&#xa0;: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>afficher la version du programme et quitter</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>les arguments suivants sont requis&#xa0;: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus&#xa0;: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>au plus un argument attendu</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>au moins un argument attendu</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix invalide&#xa0;: %(value)r (choisissez parmi %(choices)s)</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s&#xa0;: %(message)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s invalide&#xa0;: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>option ambiguë&#xa0;: %(option)s peut correspondre à %(matches)s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>l&apos;un des arguments %s est requis</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>non permis avec l&apos;argument %s</translation>
    </message>
</context>
<context>
    <name>authoring</name>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>W</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Not in this list: click its position on the map…</source>
        <translation>Absent de la liste&#xa0;: l&apos;indiquer sur la carte…</translation>
    </message>
    <message>
        <source>New place from selection…</source>
        <translation>Nouvelle localité depuis la sélection…</translation>
    </message>
    <message>
        <source>New actor from selection…</source>
        <translation>Nouvel acteur depuis la sélection…</translation>
    </message>
    <message>
        <source>New event from selection…</source>
        <translation>Nouvel événement depuis la sélection…</translation>
    </message>
    <message>
        <source>New claim from selection…</source>
        <translation>Nouvelle affirmation depuis la sélection…</translation>
    </message>
    <message>
        <source>New actor</source>
        <translation>Nouvel acteur</translation>
    </message>
    <message>
        <source>What is “{name}”?</source>
        <translation>Quel type d&apos;acteur est «&#xa0;{name}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>New event on {when}…</source>
        <translation>Nouvel événement le {when}…</translation>
    </message>
    <message>
        <source>A date relative to a publication day the article does not give</source>
        <translation>Une date relative à un jour de publication que l&apos;article ne donne pas</translation>
    </message>
    <message>
        <source>New claim with the figure “{words}”…</source>
        <translation>Nouvelle affirmation avec le chiffre «&#xa0;{words}&#xa0;»…</translation>
    </message>
    <message>
        <source>Show {name}</source>
        <translation>Afficher {name}</translation>
    </message>
    <message>
        <source>Add actor {name}</source>
        <translation>Ajouter l&apos;acteur {name}</translation>
    </message>
    <message>
        <source>New actor {name}</source>
        <translation>Nouvel acteur {name}</translation>
    </message>
    <message>
        <source>Look it up online at {server}…</source>
        <translation>Rechercher en ligne sur {server}…</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>Nouvelle localité</translation>
    </message>
    <message>
        <source>Which “{name}”?</source>
        <translation>Quel «&#xa0;{name}&#xa0;» choisir&#xa0;?</translation>
    </message>
    <message>
        <source>Place {name}</source>
        <translation>Placement de {name}</translation>
    </message>
    <message>
        <source>New place {name} (placed by hand)</source>
        <translation>Nouvelle localité {name} (placée à la main)</translation>
    </message>
    <message>
        <source>Click where “{name}” is</source>
        <translation>Cliquez à l&apos;emplacement de «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>Move {event} to {place}</source>
        <translation>Déplacement de {event} vers {place}</translation>
    </message>
    <message>
        <source>Near {place}</source>
        <translation>Près de {place}</translation>
    </message>
    <message>
        <source>Placed by hand</source>
        <translation>Placée à la main</translation>
    </message>
    <message>
        <source>Move {event} to {place} (placed by hand)</source>
        <translation>Déplacement de {event} vers {place} (placée à la main)</translation>
    </message>
    <message>
        <source>New event {name}</source>
        <translation>Nouvel événement {name}</translation>
    </message>
    <message>
        <source>New claim {name}</source>
        <translation>Nouvelle affirmation {name}</translation>
    </message>
    <message>
        <source>a figure is not a number: {problem}</source>
        <translation>un chiffre n&apos;est pas un nombre&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Cannot make this change</source>
        <translation>Modification impossible</translation>
    </message>
    <message>
        <source>Looking for place names in the article…</source>
        <translation>Recherche des noms de lieux dans l&apos;article…</translation>
    </message>
    <message>
        <source>Show {name} (placed)</source>
        <translation>Afficher {name} (déjà sur la carte)</translation>
    </message>
    <message>
        <source>pop. {population}</source>
        <translation>{population} hab.</translation>
    </message>
    <message>
        <source>Place as {place}</source>
        <translation>Placer&#xa0;: {place}</translation>
    </message>
    <message>
        <source>or {place}</source>
        <translation>ou {place}</translation>
    </message>
    <message>
        <source>Look up “{name}” online at {server}…</source>
        <translation>Rechercher «&#xa0;{name}&#xa0;» en ligne sur {server}…</translation>
    </message>
    <message>
        <source>Not these: click its position on the map…</source>
        <translation>Aucun de ceux-ci&#xa0;: l&apos;indiquer sur la carte…</translation>
    </message>
    <message>
        <source>Add all {n} found places not placed yet</source>
        <translation>Ajouter les {n} localités trouvées restant à placer</translation>
    </message>
</context>
<context>
    <name>basemap</name>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>basemap closed</source>
        <translation>fond de carte fermé</translation>
    </message>
    <message>
        <source>unreadable ({error})</source>
        <translation>illisible ({error})</translation>
    </message>
    <message>
        <source>undecodable ({error})</source>
        <translation>indécodable ({error})</translation>
    </message>
    <message>
        <source>broken image</source>
        <translation>image endommagée</translation>
    </message>
    <message>
        <source>no network</source>
        <translation>pas de réseau</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <source>server not found</source>
        <translation>serveur introuvable</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>connexion fermée</translation>
    </message>
    <message>
        <source>TLS handshake failed</source>
        <translation>échec de la négociation TLS</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>erreur réseau</translation>
    </message>
    <message>
        <source>OpenStreetMap (standard tiles)</source>
        <translation>OpenStreetMap (tuiles standard)</translation>
    </message>
    <message>
        <source>Esri World Imagery (satellite)</source>
        <translation>Esri World Imagery (satellite)</translation>
    </message>
    <message>
        <source>OpenTopoMap (terrain)</source>
        <translation>OpenTopoMap (relief)</translation>
    </message>
    <message>
        <source>Esri World Topographic</source>
        <translation>Esri World Topographic</translation>
    </message>
    <message>
        <source>&amp;Basemap</source>
        <translation>&amp;Fond de carte</translation>
    </message>
    <message>
        <source>&amp;None (vector map only)</source>
        <translation>Aucu&amp;n (carte vectorielle seule)</translation>
    </message>
    <message>
        <source>More &amp;providers…</source>
        <translation>&amp;Autres fournisseurs…</translation>
    </message>
    <message>
        <source>&amp;Custom tile URL…</source>
        <translation>&amp;URL de tuiles personnalisée…</translation>
    </message>
    <message>
        <source>Add &amp;basemap file (MBTiles, PMTiles)…</source>
        <translation>Ajouter un &amp;fichier de fond de carte (MBTiles, PMTiles)…</translation>
    </message>
    <message>
        <source>Basemap not restored: {reason}</source>
        <translation>Fond de carte non restauré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Basemap: {name} — {credit}</source>
        <translation>Fond de carte&#xa0;: {name} — {credit}</translation>
    </message>
    <message>
        <source>Basemap: {name}</source>
        <translation>Fond de carte&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Basemap file {path} is gone.</source>
        <translation>Le fichier de fond de carte {path} est introuvable.</translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation>Fond de carte</translation>
    </message>
    <message>
        <source>Add basemap file</source>
        <translation>Ajouter un fichier de fond de carte</translation>
    </message>
    <message>
        <source>Tile files</source>
        <translation>Fichiers de tuiles</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <source>Basemap providers</source>
        <translation>Fournisseurs de fonds de carte</translation>
    </message>
    <message>
        <source>Filter, e.g. imagery, topo, OpenStreetMap</source>
        <translation>Filtrer, p. ex. imagery, topo, OpenStreetMap</translation>
    </message>
    <message>
        <source>zoom {min}–{max} (regional)</source>
        <translation>zoom {min}–{max} (régional)</translation>
    </message>
    <message>
        <source>zoom {min}–{max}</source>
        <translation>zoom {min}–{max}</translation>
    </message>
    <message>
        <source>Tiles are fetched from the provider&apos;s servers as you look at the map, under its terms of use; its credit is drawn on the map and in every export.</source>
        <translation>Les tuiles sont téléchargées depuis les serveurs du fournisseur à mesure que vous parcourez la carte, selon ses conditions d&apos;utilisation&#xa0;; son crédit figure sur la carte et dans chaque export.</translation>
    </message>
    <message>
        <source>Custom tile URL</source>
        <translation>URL de tuiles personnalisée</translation>
    </message>
    <message>
        <source>© the tiles&apos; owner (drawn on the map)</source>
        <translation>© le propriétaire des tuiles (inscrit sur la carte)</translation>
    </message>
    <message>
        <source>URL template</source>
        <translation>Modèle d&apos;URL</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>Maximum zoom</source>
        <translation>Zoom maximal</translation>
    </message>
    <message>
        <source>Placeholders: {z} {x} {y} (or {-y} for TMS rows), {s} subdomain, {r} @2x.</source>
        <translation>Variables&#xa0;: {z} {x} {y} (ou {-y} pour les rangées TMS), {s} sous-domaine, {r} @2x.</translation>
    </message>
    <message>
        <source>{file}: no such tile file</source>
        <translation>{file}&#xa0;: fichier de tuiles introuvable</translation>
    </message>
    <message>
        <source>{file}: not a readable MBTiles file ({reason})</source>
        <translation>{file}&#xa0;: fichier MBTiles illisible ({reason})</translation>
    </message>
    <message>
        <source>{file}: not a readable PMTiles v3 archive ({reason})</source>
        <translation>{file}&#xa0;: archive PMTiles v3 illisible ({reason})</translation>
    </message>
    <message>
        <source>{file}: holds {format} tiles; mapapp draws raster tiles (png, jpg, webp)</source>
        <translation>{file}&#xa0;: contient des tuiles {format}&#xa0;; mapapp affiche des tuiles matricielles (png, jpg, webp)</translation>
    </message>
    <message>
        <source>{file}: tile {tile} is not stored as bytes</source>
        <translation>{file}&#xa0;: la tuile {tile} n&apos;est pas stockée sous forme d&apos;octets</translation>
    </message>
    <message>
        <source>{file}: neither an MBTiles (SQLite) nor a PMTiles file</source>
        <translation>{file}&#xa0;: ni un fichier MBTiles (SQLite) ni un fichier PMTiles</translation>
    </message>
    <message>
        <source>empty basemap name</source>
        <translation>nom de fond de carte vide</translation>
    </message>
    <message>
        <source>unknown basemap {name!r}: give a provider name (e.g. OpenStreetMap.Mapnik, Esri.WorldImagery), an https URL template with {{z}}/{{x}}/{{y}}, or an .mbtiles/.pmtiles file</source>
        <translation>fond de carte inconnu {name!r}&#xa0;: indiquez un nom de fournisseur (p. ex. OpenStreetMap.Mapnik, Esri.WorldImagery), un modèle d&apos;URL https avec {{z}}/{{x}}/{{y}} ou un fichier .mbtiles/.pmtiles</translation>
    </message>
    <message>
        <source>tile URL template must start with http:// or https://, not {template!r}</source>
        <translation>le modèle d&apos;URL de tuiles doit commencer par http:// ou https://, et non {template!r}</translation>
    </message>
    <message>
        <source>tile URL template has an unknown placeholder {{{name}}}; use {{z}}, {{x}}, {{y}} (or {{-y}}), {{s}} and {{r}}</source>
        <translation>le modèle d&apos;URL de tuiles contient une variable inconnue {{{name}}}&#xa0;; utilisez {{z}}, {{x}}, {{y}} (ou {{-y}}), {{s}} et {{r}}</translation>
    </message>
    <message>
        <source>tile URL template must hold {z}, {x} and {y}</source>
        <translation>le modèle d&apos;URL de tuiles doit contenir {z}, {x} et {y}</translation>
    </message>
    <message>
        <source>maximum zoom {zoom} is out of range (0..22)</source>
        <translation>le zoom maximal {zoom} est hors limites (0..22)</translation>
    </message>
    <message>
        <source>Custom tiles ({host})</source>
        <translation>Tuiles personnalisées ({host})</translation>
    </message>
    <message>
        <source>Tiles: {host}</source>
        <translation>Tuiles&#xa0;: {host}</translation>
    </message>
    <message>
        <source>{failed} of {total} basemap tiles could not be loaded ({why}); the vector map shows in their place</source>
        <translation>{failed} tuiles du fond de carte sur {total} n&apos;ont pas pu être chargées ({why})&#xa0;; la carte vectorielle s&apos;affiche à leur place</translation>
    </message>
</context>
<context>
    <name>caption</name>
    <message>
        <source>near {place}</source>
        <translation>près de {place}</translation>
    </message>
    <message>
        <source>{area} (region)</source>
        <translation>{area} (région)</translation>
    </message>
    <message>
        <source>Events: {window}</source>
        <translation>Événements&#xa0;: {window}</translation>
    </message>
    <message>
        <source>{filter}: {value}</source>
        <translation>{filter}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Filtered: {filters}</source>
        <translation>Filtré&#xa0;: {filters}</translation>
    </message>
</context>
<context>
    <name>claim status</name>
    <message>
        <source>self-reported</source>
        <translation>auto-déclaré</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>alleged</source>
        <translation>allégué</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>estimation</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>contesté</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <source>misleading</source>
        <translation>trompeur</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Situation map of events, actors and source claims. Subcommands: snapshot, publish, convert, validate, places, extract, install-desktop (run &apos;mapapp snapshot -h&apos;). --lang fr|en, anywhere: the language (default: the window&apos;s last choice, else the system&apos;s).</source>
        <translation>Carte de situation des événements, des acteurs et des affirmations des sources. Sous-commandes&#xa0;: snapshot, publish, convert, validate, places, extract, install-desktop (voir &apos;mapapp snapshot -h&apos;). --lang fr|en, n&apos;importe où&#xa0;: la langue (par défaut&#xa0;: le dernier choix de la fenêtre, sinon celle du système).</translation>
    </message>
    <message>
        <source>situation file (default: the embedded one)</source>
        <translation>fichier de situation (par défaut&#xa0;: celle fournie avec mapapp)</translation>
    </message>
    <message>
        <source>situation file, or a team&apos;s store as URL#NAME (default: the embedded one)</source>
        <translation>fichier de situation, ou le dépôt d&apos;une équipe sous la forme URL#NOM (par défaut&#xa0;: celle fournie avec mapapp)</translation>
    </message>
    <message>
        <source>a tile basemap for this session (as for &apos;mapapp snapshot&apos;)</source>
        <translation>un fond de carte en tuiles pour cette session (comme pour &apos;mapapp snapshot&apos;)</translation>
    </message>
    <message>
        <source>Check a situation file; exit 0 when it is valid, 1 with every problem listed.</source>
        <translation>Vérifie un fichier de situation&#xa0;; code de sortie 0 s&apos;il est valide, 1 avec la liste de tous les problèmes.</translation>
    </message>
    <message>
        <source>situation JSON file</source>
        <translation>fichier de situation JSON</translation>
    </message>
    <message>
        <source>{path}: valid</source>
        <translation>{path}&#xa0;: valide</translation>
    </message>
    <message>
        <source>Place names found in an article (UTF-8 text), one JSON line each: start, end, text, the chosen place&apos;s name, lat, lon, country, source, and the alternatives. Offline: the project&apos;s places and GeoNames cities500.</source>
        <translation>Noms de lieux trouvés dans un article (texte UTF-8), une ligne JSON chacun&#xa0;: début, fin, texte, nom de la localité retenue, lat, lon, pays, source et les autres possibilités. Hors ligne&#xa0;: les localités du projet et GeoNames cities500.</translation>
    </message>
    <message>
        <source>the article as a UTF-8 text file</source>
        <translation>l&apos;article, en fichier texte UTF-8</translation>
    </message>
    <message>
        <source>Add mapapp to the desktop menu and open *.situation.json files with it (current user, under $XDG_DATA_HOME).</source>
        <translation>Ajoute mapapp au menu du bureau et lui fait ouvrir les fichiers *.situation.json (utilisateur courant, sous $XDG_DATA_HOME).</translation>
    </message>
    <message>
        <source>remove what was installed</source>
        <translation>retirer ce qui a été installé</translation>
    </message>
    <message>
        <source>install-desktop is for Linux desktops (freedesktop.org standards)</source>
        <translation>install-desktop est destiné aux bureaux Linux (normes freedesktop.org)</translation>
    </message>
    <message>
        <source>removed {files} from {folder}</source>
        <translation>{files} retiré(s) de {folder}</translation>
    </message>
    <message>
        <source>installed {files} under {folder}</source>
        <translation>{files} installé(s) sous {folder}</translation>
    </message>
    <message>
        <source>mapapp: error: {message}</source>
        <translation>mapapp&#xa0;: erreur&#xa0;: {message}</translation>
    </message>
    <message>
        <source>mapapp: interrupted</source>
        <translation>mapapp&#xa0;: interrompu</translation>
    </message>
    <message>
        <source>mapapp: internal error: {message}</source>
        <translation>mapapp&#xa0;: erreur interne&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Convert by suffix: from .json (situation), .geojson or .csv (ACLED layout) to .geojson, .kml, .csv (ACLED layout) or .json (situation).</source>
        <translation>Convertit selon l&apos;extension&#xa0;: de .json (situation), .geojson ou .csv (format ACLED) vers .geojson, .kml, .csv (format ACLED) ou .json (situation).</translation>
    </message>
    <message>
        <source>situation, GeoJSON or ACLED-layout CSV file</source>
        <translation>fichier de situation, GeoJSON ou CSV au format ACLED</translation>
    </message>
    <message>
        <source>output file</source>
        <translation>fichier de sortie</translation>
    </message>
    <message>
        <source>unsupported output format {suffix!r}; use {suffixes}</source>
        <translation>format de sortie {suffix!r} non pris en charge&#xa0;; utilisez {suffixes}</translation>
    </message>
    <message>
        <source>(no suffix)</source>
        <translation>(sans extension)</translation>
    </message>
    <message>
        <source>files without a suffix</source>
        <translation>les fichiers sans extension</translation>
    </message>
    <message>
        <source>cannot read {kind!r}; use {suffixes}</source>
        <translation>impossible de lire {kind!r}&#xa0;; utilisez {suffixes}</translation>
    </message>
    <message>
        <source>the output would overwrite the input; choose another name</source>
        <translation>la sortie écraserait l&apos;entrée&#xa0;; choisissez un autre nom</translation>
    </message>
    <message>
        <source>mapapp: note: {note}</source>
        <translation>mapapp&#xa0;: remarque&#xa0;: {note}</translation>
    </message>
    <message>
        <source>wrote {path} ({events}, {places}; {notes})</source>
        <translation>{path} écrit ({events}, {places}&#xa0;; {notes})</translation>
    </message>
    <message>
        <source>mapapp: reading {file}: {stage} ({percent})</source>
        <translation>mapapp&#xa0;: lecture de {file}&#xa0;: {stage} ({percent})</translation>
    </message>
    <message>
        <source>mapapp: converting to {file}: {events}</source>
        <translation>mapapp&#xa0;: conversion en {file}&#xa0;: {events}</translation>
    </message>
    <message>
        <source>mapapp: writing {file}: {done} of {events} ({percent})</source>
        <translation>mapapp&#xa0;: écriture de {file}&#xa0;: {done} sur {events} ({percent})</translation>
    </message>
    <message>
        <source>only events matching TEXT (any case)</source>
        <translation>seulement les événements contenant TEXT (sans tenir compte de la casse)</translation>
    </message>
    <message>
        <source>only events this actor took part in</source>
        <translation>seulement les événements auxquels cet acteur a pris part</translation>
    </message>
    <message>
        <source>only events of TYPE</source>
        <translation>seulement les événements de type TYPE</translation>
    </message>
    <message>
        <source>only events with a claim of STATUS (situation files)</source>
        <translation>seulement les événements ayant une affirmation de statut STATUS (fichiers de situation)</translation>
    </message>
    <message>
        <source>--type filters a dataset&apos;s events by ACLED event type; a situation file&apos;s events are filtered with --search, --actor and --status</source>
        <translation>--type filtre les événements d&apos;un jeu de données par type d&apos;événement ACLED&#xa0;; ceux d&apos;un fichier de situation se filtrent avec --search, --actor et --status</translation>
    </message>
    <message>
        <source>--status {given!r}: use one of {codes}</source>
        <translation>--status {given!r}&#xa0;: utilisez l&apos;un de {codes}</translation>
    </message>
    <message>
        <source>--actor {given!r}: no actor of that id or name; {some}</source>
        <translation>--actor {given!r}&#xa0;: aucun acteur de cet identifiant ou de ce nom&#xa0;; {some}</translation>
    </message>
    <message>
        <source>--status filters a situation file&apos;s claims; a dataset has none</source>
        <translation>--status filtre les affirmations d&apos;un fichier de situation&#xa0;; un jeu de données n&apos;en a pas</translation>
    </message>
    <message>
        <source>--type {given!r}: not in this dataset; {some}</source>
        <translation>--type {given!r}&#xa0;: absent de ce jeu de données&#xa0;; {some}</translation>
    </message>
    <message>
        <source>--actor {given!r}: no event names it; {some}</source>
        <translation>--actor {given!r}&#xa0;: aucun événement ne le nomme&#xa0;; {some}</translation>
    </message>
    <message>
        <source>it has none</source>
        <translation>il n&apos;en contient aucun</translation>
    </message>
    <message>
        <source>it has {shown} and {more} more</source>
        <translation>il contient {shown} et {more} autres</translation>
    </message>
    <message>
        <source>it has {shown}</source>
        <translation>il contient {shown}</translation>
    </message>
    <message>
        <source>Write a situation as one self-contained HTML page that opens offline in any current browser.</source>
        <translation>Écrit une situation en une seule page HTML autonome, qui s&apos;ouvre hors ligne dans tout navigateur récent.</translation>
    </message>
    <message>
        <source>situation or dataset (default: the embedded one)</source>
        <translation>situation ou jeu de données (par défaut&#xa0;: celle fournie avec mapapp)</translation>
    </message>
    <message>
        <source>the page</source>
        <translation>la page</translation>
    </message>
    <message>
        <source>the page&apos;s title (default: the situation&apos;s)</source>
        <translation>le titre de la page (par défaut&#xa0;: celui de la situation)</translation>
    </message>
    <message>
        <source>only events from this day on</source>
        <translation>seulement les événements à partir de ce jour</translation>
    </message>
    <message>
        <source>only events up to this day</source>
        <translation>seulement les événements jusqu&apos;à ce jour</translation>
    </message>
    <message>
        <source>W,S,E,N in degrees: the first view (default: the situation)</source>
        <translation>O,S,E,N en degrés&#xa0;: la vue d&apos;ouverture (par défaut&#xa0;: la situation)</translation>
    </message>
    <message>
        <source>an event (or a claim&apos;s event) selected</source>
        <translation>un événement (ou celui d&apos;une affirmation) sélectionné</translation>
    </message>
    <message>
        <source>tiles under the vector map: from an .mbtiles/.pmtiles file, those of the first view&apos;s area are embedded; from a provider name or URL, the reader&apos;s browser fetches them when it can (the map never depends on them)</source>
        <translation>des tuiles sous la carte vectorielle&#xa0;: d&apos;un fichier .mbtiles/.pmtiles, celles de la zone de la première vue sont incluses&#xa0;; d&apos;un fournisseur (nom ou URL), le navigateur du lecteur les charge quand il le peut (la carte n&apos;en dépend jamais)</translation>
    </message>
    <message>
        <source>the page must end in .html, not {suffix!r}</source>
        <translation>la page doit se terminer par .html, pas {suffix!r}</translation>
    </message>
    <message>
        <source>--from {first} is after --to {last}</source>
        <translation>--from {first} est postérieur à --to {last}</translation>
    </message>
    <message>
        <source>wrote {path} ({size} MB, {events})</source>
        <translation>{path} écrit ({size} Mo, {events})</translation>
    </message>
    <message>
        <source>{flag} must be a day like 2024-07-25, not {given!r}</source>
        <translation>{flag} doit être un jour comme 2024-07-25, et non {given!r}</translation>
    </message>
    <message>
        <source>leave out the legend</source>
        <translation>sans la légende</translation>
    </message>
    <message>
        <source>leave out the scale bar</source>
        <translation>sans l&apos;échelle</translation>
    </message>
    <message>
        <source>leave out the north arrow</source>
        <translation>sans la flèche du nord</translation>
    </message>
    <message>
        <source>leave out the attribution</source>
        <translation>sans les crédits</translation>
    </message>
    <message>
        <source>leave out the data&apos;s date</source>
        <translation>sans la date des données</translation>
    </message>
    <message>
        <source>--size must look like 1920x1080, not {given!r}</source>
        <translation>--size doit ressembler à 1920x1080, pas {given!r}</translation>
    </message>
    <message>
        <source>--size {w}x{h} is out of range (each side 1..{side}, at most {mp} megapixels)</source>
        <translation>--size {w}x{h} hors limites (chaque côté 1..{side}, au plus {mp} mégapixels)</translation>
    </message>
    <message>
        <source>--bbox must be W,S,E,N in degrees, not {given!r}</source>
        <translation>--bbox doit être O,S,E,N en degrés, pas {given!r}</translation>
    </message>
    <message>
        <source>--bbox values must be finite numbers</source>
        <translation>les valeurs de --bbox doivent être des nombres finis</translation>
    </message>
    <message>
        <source>--bbox {box} is outside -180..180 / -90..90</source>
        <translation>--bbox {box} sort de -180..180 / -90..90</translation>
    </message>
    <message>
        <source>--bbox {box}: west must be less than east and south less than north</source>
        <translation>--bbox {box}&#xa0;: l&apos;ouest doit être inférieur à l&apos;est et le sud au nord</translation>
    </message>
    <message>
        <source>Export a map snapshot (format from OUT&apos;s suffix: .png .svg .pdf).</source>
        <translation>Exporte un instantané de la carte (format selon l&apos;extension de OUT&#xa0;: .png .svg .pdf).</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT in pixels at 96 dpi</source>
        <translation>LARGEURxHAUTEUR en pixels à 96 ppp</translation>
    </message>
    <message>
        <source>PNG pixel density (96 = 1x)</source>
        <translation>densité de pixels du PNG (96 = 1x)</translation>
    </message>
    <message>
        <source>W,S,E,N in degrees (default: the situation&apos;s extent)</source>
        <translation>O,S,E,N en degrés (par défaut&#xa0;: l&apos;étendue de la situation)</translation>
    </message>
    <message>
        <source>title (default: the situation&apos;s title)</source>
        <translation>titre (par défaut&#xa0;: celui de la situation)</translation>
    </message>
    <message>
        <source>no title box</source>
        <translation>sans cartouche de titre</translation>
    </message>
    <message>
        <source>highlight an event (or a claim&apos;s event)</source>
        <translation>mettre en évidence un événement (ou celui d&apos;une affirmation)</translation>
    </message>
    <message>
        <source>comma-separated layer keys</source>
        <translation>clés de couches séparées par des virgules</translation>
    </message>
    <message>
        <source>time window: first day shown</source>
        <translation>fenêtre temporelle&#xa0;: premier jour montré</translation>
    </message>
    <message>
        <source>time window: last day shown</source>
        <translation>fenêtre temporelle&#xa0;: dernier jour montré</translation>
    </message>
    <message>
        <source>window: events in it; accumulate: everything up to --to; fade: older fade out</source>
        <translation>window&#xa0;: les événements de la fenêtre&#xa0;; accumulate&#xa0;: tout jusqu&apos;à --to&#xa0;; fade&#xa0;: les plus anciens s&apos;estompent</translation>
    </message>
    <message>
        <source>a tile basemap under the vector layers: a provider name (OpenStreetMap.Mapnik, Esri.WorldImagery, ...), an https URL template with {z}/{x}/{y}, or an .mbtiles/.pmtiles file</source>
        <translation>un fond de carte en tuiles sous les couches vectorielles&#xa0;: un nom de fournisseur (OpenStreetMap.Mapnik, Esri.WorldImagery, ...), un modèle d&apos;URL https avec {z}/{x}/{y}, ou un fichier .mbtiles/.pmtiles</translation>
    </message>
    <message>
        <source>how long to wait for tiles; missing ones are reported and left to the vector map</source>
        <translation>combien de temps attendre les tuiles&#xa0;; celles qui manquent sont signalées et laissées à la carte vectorielle</translation>
    </message>
    <message>
        <source>unsupported output format {suffix!r}; use .png, .svg or .pdf</source>
        <translation>format de sortie {suffix!r} non pris en charge&#xa0;; utilisez .png, .svg ou .pdf</translation>
    </message>
    <message>
        <source>--dpi {dpi:g} is out of range (24..1200)</source>
        <translation>--dpi {dpi:g} hors limites (24..1200)</translation>
    </message>
    <message>
        <source>--size {w}x{h} at {dpi:g} dpi: {problem}</source>
        <translation>--size {w}x{h} à {dpi:g} ppp&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>--hide: unknown layer {layer!r}; layers: {layers}</source>
        <translation>--hide&#xa0;: couche inconnue {layer!r}&#xa0;; couches&#xa0;: {layers}</translation>
    </message>
    <message>
        <source>--basemap-timeout {seconds:g} is out of range (0..3600 s)</source>
        <translation>--basemap-timeout {seconds:g} hors limites (0..3600 s)</translation>
    </message>
    <message>
        <source>wrote {path} ({w}x{h}, {kind})</source>
        <translation>{path} écrit ({w}x{h}, {kind})</translation>
    </message>
    <message>
        <source>mapapp snapshot: warning: {what}</source>
        <translation>mapapp snapshot&#xa0;: avertissement&#xa0;: {what}</translation>
    </message>
    <message>
        <source>--select {item_id!r}: no event or claim with that id in this situation</source>
        <translation>--select {item_id!r}&#xa0;: aucun événement ni aucune affirmation portant cet identifiant dans cette situation</translation>
    </message>
    <message>
        <source>{day} (the first event&apos;s day)</source>
        <translation>{day} (jour du premier événement)</translation>
    </message>
    <message>
        <source>{day} (the last event&apos;s day)</source>
        <translation>{day} (jour du dernier événement)</translation>
    </message>
    <message>
        <source>{error}; details in {report}</source>
        <translation>{error}&#xa0;; détails dans {report}</translation>
    </message>
    <message>
        <source>{error}; no crash report could be written</source>
        <translation>{error}&#xa0;; aucun rapport de plantage n&apos;a pu être écrit</translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation>export annulé</translation>
    </message>
    <message>
        <source>Places, dates, actors and figures found in an article (UTF-8 text or a saved web page), one JSON line each: kind, text (the exact words), start and end (character offsets into the text as read) and value. Offline.</source>
        <translation>Lieux, dates, acteurs et chiffres trouvés dans un article (texte UTF-8 ou page web enregistrée), une ligne JSON chacun&#xa0;: kind (le genre), text (les mots exacts), start et end (positions en caractères dans le texte tel que lu) et value. Hors ligne.</translation>
    </message>
    <message>
        <source>the article: a .txt or a saved page</source>
        <translation>l&apos;article&#xa0;: un .txt ou une page enregistrée</translation>
    </message>
    <message>
        <source>the day the article was published (YYYY-MM-DD), which &apos;yesterday&apos; or &apos;last week&apos; count from; default: the page&apos;s own date, if it gives one</source>
        <translation>le jour de publication de l&apos;article (AAAA-MM-JJ), à partir duquel comptent «&#xa0;hier&#xa0;» ou «&#xa0;la semaine dernière&#xa0;»&#xa0;; par défaut&#xa0;: la date de la page, si elle en donne une</translation>
    </message>
    <message>
        <source>the article&apos;s language; auto (default): each paragraph&apos;s own, told by its words</source>
        <translation>la langue de l&apos;article&#xa0;; auto (par défaut)&#xa0;: celle de chaque paragraphe, reconnue à ses mots</translation>
    </message>
    <message>
        <source>--published must be a day like 2024-07-30, not {given!r}</source>
        <translation>--published doit être un jour comme 2024-07-30, pas {given!r}</translation>
    </message>
    <message>
        <source>A situation shared by a team in PostgreSQL + PostGIS. URL: a libpq URL (postgresql://user@host/db) or connection string; passwords from ~/.pgpass, PGPASSWORD or a service file.</source>
        <translation>Une situation partagée par une équipe dans PostgreSQL + PostGIS. URL&#xa0;: une URL libpq (postgresql://utilisateur@hôte/base) ou une chaîne de connexion&#xa0;; les mots de passe viennent de ~/.pgpass, de PGPASSWORD ou d&apos;un fichier de service.</translation>
    </message>
    <message>
        <source>create mapapp&apos;s tables, or bring them up to date</source>
        <translation>créer les tables de mapapp, ou les mettre à jour</translation>
    </message>
    <message>
        <source>its name in the store</source>
        <translation>son nom dans le dépôt</translation>
    </message>
    <message>
        <source>a situation file or a dataset (ACLED CSV, GeoParquet) into the store</source>
        <translation>un fichier de situation ou un jeu de données (CSV ACLED, GeoParquet) vers le dépôt</translation>
    </message>
    <message>
        <source>a situation or dataset from the store to a file</source>
        <translation>une situation ou un jeu de données du dépôt vers un fichier</translation>
    </message>
    <message>
        <source>as it stood then: 2024-08-02T14:30 (local time) or with its offset</source>
        <translation>telle qu&apos;elle était alors&#xa0;: 2024-08-02T14:30 (heure locale) ou avec son décalage</translation>
    </message>
    <message>
        <source>the situations in the store, their size and last change</source>
        <translation>les situations du dépôt, leur taille et leur dernière modification</translation>
    </message>
    <message>
        <source>the history: who changed what, when, before and after</source>
        <translation>l&apos;historique&#xa0;: qui a changé quoi, quand, avant et après</translation>
    </message>
    <message>
        <source>one item&apos;s history only</source>
        <translation>l&apos;historique d&apos;un seul élément</translation>
    </message>
    <message>
        <source>bring a situation, or one item, back to how it stood at a time</source>
        <translation>rendre à une situation, ou à un élément, son état à un moment donné</translation>
    </message>
    <message>
        <source>2024-08-02T14:30 (local time) or with its offset, +02:00</source>
        <translation>2024-08-02T14:30 (heure locale) ou avec son décalage, +02:00</translation>
    </message>
    <message>
        <source>one item only</source>
        <translation>un seul élément</translation>
    </message>
    <message>
        <source>{url}: mapapp store up to date (schema {version})</source>
        <translation>{url}&#xa0;: dépôt mapapp à jour (schéma {version})</translation>
    </message>
    <message>
        <source>{url}: mapapp store ready (schema {version})</source>
        <translation>{url}&#xa0;: dépôt mapapp prêt (schéma {version})</translation>
    </message>
    <message>
        <source>pushed {file} as {name} ({items})</source>
        <translation>{file} envoyé sous le nom {name} ({items})</translation>
    </message>
    <message>
        <source>a dataset has no history: pull it without --at</source>
        <translation>un jeu de données n&apos;a pas d&apos;historique&#xa0;: récupérez-le sans --at</translation>
    </message>
    <message>
        <source>wrote {file} ({items})</source>
        <translation>{file} écrit ({items})</translation>
    </message>
    <message>
        <source>{name}	{kind}	{items}	{size} kB	{when} by {who}</source>
        <translation>{name}	{kind}	{items}	{size} ko	{when} par {who}</translation>
    </message>
    <message>
        <source>--at must be a time like 2024-08-02T14:30, not {given!r}</source>
        <translation>--at doit être un moment comme 2024-08-02T14:30, pas {given!r}</translation>
    </message>
    <message>
        <source>{name}: {items} as at {time}</source>
        <translation>{name}&#xa0;: {items} à l&apos;état du {time}</translation>
    </message>
    <message>
        <source>wrote {file}</source>
        <translation>{file} écrit</translation>
    </message>
</context>
<context>
    <name>data</name>
    <message>
        <source>not UTF-8 text</source>
        <translation>texte non UTF-8</translation>
    </message>
    <message>
        <source>cannot read file: {reason}</source>
        <translation>impossible de lire le fichier&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>a NUL byte: not a text file</source>
        <translation>un octet NUL&#xa0;: ce n&apos;est pas un fichier texte</translation>
    </message>
    <message>
        <source>bad CSV: {reason}</source>
        <translation>CSV incorrect&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{fields} fields where the header has {columns}</source>
        <translation>{fields} champs alors que l&apos;en-tête en compte {columns}</translation>
    </message>
    <message>
        <source>too many problems; stopped reading</source>
        <translation>trop de problèmes&#xa0;; lecture interrompue</translation>
    </message>
    <message>
        <source>no event rows</source>
        <translation>aucune ligne d&apos;événement</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>not CSV: {reason}</source>
        <translation>ce n&apos;est pas du CSV&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{column} is empty</source>
        <translation>{column} est vide</translation>
    </message>
    <message>
        <source>{column}{value} is not a numeric ISO 3166 country code</source>
        <translation>{column}{value} n&apos;est pas un code de pays ISO 3166 numérique</translation>
    </message>
    <message>
        <source>{column}{value} is not &apos;Civilian targeting&apos;</source>
        <translation>{column}{value} n&apos;est pas &apos;Civilian targeting&apos;</translation>
    </message>
    <message>
        <source>{column}{value} is not a date like 2024-07-25</source>
        <translation>{column}{value} n&apos;est pas une date de la forme 2024-07-25</translation>
    </message>
    <message>
        <source>{column}{value} must be a whole number</source>
        <translation>{column}{value} doit être un nombre entier</translation>
    </message>
    <message>
        <source>{column}{value} must be 1, 2 or 3</source>
        <translation>{column}{value} doit valoir 1, 2 ou 3</translation>
    </message>
    <message>
        <source>{column}{value} is not an actor type code 0..8 or an ACLED name</source>
        <translation>{column}{value} n&apos;est ni un code de type d&apos;acteur 0..8 ni un nom ACLED</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>ligne {line}</translation>
    </message>
    <message>
        <source>{column}{value} is not an ACLED event type</source>
        <translation>{column}{value} n&apos;est pas un type d&apos;événement ACLED</translation>
    </message>
    <message>
        <source>{column}{value} is not a number in -90..90</source>
        <translation>{column}{value} n&apos;est pas un nombre compris dans -90..90</translation>
    </message>
    <message>
        <source>{column}{value} is not a number in -180..180</source>
        <translation>{column}{value} n&apos;est pas un nombre compris dans -180..180</translation>
    </message>
    <message>
        <source>{column}{value} is neither two actor type digits (e.g. 12, 20) nor &apos;Type-Type&apos; / &apos;Type only&apos;</source>
        <translation>{column}{value} n&apos;est ni deux chiffres de type d&apos;acteur (p. ex. 12, 20) ni &apos;Type-Type&apos; / &apos;Type only&apos;</translation>
    </message>
    <message>
        <source>{column}{value} must be Unix seconds</source>
        <translation>{column}{value} doit être en secondes Unix</translation>
    </message>
    <message>
        <source>too many problems; stopped listing</source>
        <translation>trop de problèmes&#xa0;; liste interrompue</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>lecture</translation>
    </message>
    <message>
        <source>building the events table</source>
        <translation>construction de la table des événements</translation>
    </message>
    <message>
        <source>checking {rows} rows</source>
        <translation>vérification de {rows} lignes</translation>
    </message>
    <message>
        <source>cannot read the CSV: {reason}</source>
        <translation>impossible de lire le CSV&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>column {name!r} appears more than once</source>
        <translation>la colonne {name!r} apparaît plusieurs fois</translation>
    </message>
    <message>
        <source>no article text found in this page</source>
        <translation>aucun texte d&apos;article trouvé dans cette page</translation>
    </message>
    <message>
        <source>KML for Google Earth</source>
        <translation>KML pour Google Earth</translation>
    </message>
    <message>
        <source>CSV in ACLED&apos;s column layout</source>
        <translation>CSV au format de colonnes ACLED</translation>
    </message>
    <message>
        <source>mapapp situation</source>
        <translation>situation mapapp</translation>
    </message>
    <message>
        <source>Situation, GeoJSON, ACLED CSV or (Geo)Parquet</source>
        <translation>Situation, GeoJSON, CSV ACLED ou (Geo)Parquet</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <source>cannot read {suffix}; use .json, .geojson, .csv or .parquet</source>
        <translation>impossible de lire les fichiers {suffix}&#xa0;; utilisez .json, .geojson, .csv ou .parquet</translation>
    </message>
    <message>
        <source>cannot read files without a suffix; use .json, .geojson, .csv or .parquet</source>
        <translation>impossible de lire les fichiers sans extension&#xa0;; utilisez .json, .geojson, .csv ou .parquet</translation>
    </message>
    <message>
        <source>left out event {id}: {reason}</source>
        <translation>événement {id} laissé de côté&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>unsupported output format {suffix!r}; use .geojson, .kml, .csv, .parquet or .json</source>
        <translation>format de sortie non pris en charge {suffix!r}&#xa0;; utilisez .geojson, .kml, .csv, .parquet ou .json</translation>
    </message>
    <message>
        <source>(no suffix)</source>
        <translation>(sans extension)</translation>
    </message>
    <message>
        <source>source {id} names its text {file}; copy it beside {name} so the quotes can be checked</source>
        <translation>la source {id} renvoie à son texte {file}&#xa0;; copiez-le à côté de {name} pour que les citations puissent être vérifiées</translation>
    </message>
    <message>
        <source>opening the cached table</source>
        <translation>ouverture de la table en cache</translation>
    </message>
    <message>
        <source>not a GeoJSON FeatureCollection</source>
        <translation>ce n&apos;est pas une FeatureCollection GeoJSON</translation>
    </message>
    <message>
        <source>must be a list of features</source>
        <translation>doit être une liste d&apos;entités (features)</translation>
    </message>
    <message>
        <source>a feature without properties</source>
        <translation>une entité sans propriétés</translation>
    </message>
    <message>
        <source>must be place, area or event</source>
        <translation>doit valoir place, area ou event</translation>
    </message>
    <message>
        <source>only Point features can be imported</source>
        <translation>seules les entités Point peuvent être importées</translation>
    </message>
    <message>
        <source>needs [lon, lat] numbers</source>
        <translation>exige des nombres [lon, lat]</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Localités</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>{precision}: {place}</source>
        <translation>{precision}&#xa0;: {place}</translation>
    </message>
    <message>
        <source>{where} (circle of {km} km drawn for &apos;near&apos;)</source>
        <translation>{where} (cercle de {km} km tracé pour la précision «&#xa0;près de&#xa0;»)</translation>
    </message>
    <message>
        <source>When: {time}</source>
        <translation>Quand&#xa0;: {time}</translation>
    </message>
    <message>
        <source>Where: {place}</source>
        <translation>Où&#xa0;: {place}</translation>
    </message>
    <message>
        <source>Date from:</source>
        <translation>Date selon&#xa0;:</translation>
    </message>
    <message>
        <source>Actors:</source>
        <translation>Acteurs&#xa0;:</translation>
    </message>
    <message>
        <source>Unattributed</source>
        <translation>Non attribuée</translation>
    </message>
    <message>
        <source>Claims:</source>
        <translation>Affirmations&#xa0;:</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Sources&#xa0;:</translation>
    </message>
    <message>
        <source>it took too long</source>
        <translation>la lecture a pris trop de temps</translation>
    </message>
    <message>
        <source>the Parquet reader failed on it (signal {signal})</source>
        <translation>le lecteur Parquet a échoué (signal {signal})</translation>
    </message>
    <message>
        <source>the Parquet reader failed on it</source>
        <translation>le lecteur Parquet a échoué</translation>
    </message>
    <message>
        <source>cannot use its columns: {reason}</source>
        <translation>colonnes inutilisables&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>not a readable Parquet file: {reason}</source>
        <translation>fichier Parquet illisible&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>neither GeoParquet (no &apos;geo&apos; metadata) nor ACLED&apos;s column layout</source>
        <translation>ni GeoParquet (pas de métadonnées &apos;geo&apos;) ni au format de colonnes ACLED</translation>
    </message>
    <message>
        <source>is not a position in degrees</source>
        <translation>n&apos;est pas une position en degrés</translation>
    </message>
    <message>
        <source>is before day_lo</source>
        <translation>est antérieur à day_lo</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>est manquant</translation>
    </message>
    <message>
        <source>the situation metadata is not JSON</source>
        <translation>les métadonnées de la situation ne sont pas du JSON</translation>
    </message>
    <message>
        <source>GeoParquet metadata is not readable</source>
        <translation>métadonnées GeoParquet illisibles</translation>
    </message>
    <message>
        <source>no geometry column {name!r}</source>
        <translation>aucune colonne de géométrie {name!r}</translation>
    </message>
    <message>
        <source>geometry encoding {encoding!r}; only WKB is read</source>
        <translation>encodage de géométrie {encoding!r}&#xa0;; seul le WKB est lu</translation>
    </message>
    <message>
        <source>bad WKB geometry: {reason}</source>
        <translation>géométrie WKB incorrecte&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the geometry&apos;s CRS is not readable</source>
        <translation>le SCR de la géométrie est illisible</translation>
    </message>
    <message>
        <source>columns of an older layout not in today&apos;s: {columns}</source>
        <translation>colonnes d&apos;un ancien format absentes du format actuel&#xa0;: {columns}</translation>
    </message>
    <message>
        <source>the selection holds no text</source>
        <translation>la sélection ne contient aucun texte</translation>
    </message>
    <message>
        <source>the situation&apos;s focus places</source>
        <translation>les localités sur lesquelles la situation est centrée</translation>
    </message>
    <message>
        <source>event {id} (its place)</source>
        <translation>événement {id} (sa localité)</translation>
    </message>
    <message>
        <source>event {id} (part of it)</source>
        <translation>événement {id} (qui en fait partie)</translation>
    </message>
    <message>
        <source>event {id} (a participant)</source>
        <translation>événement {id} (un participant)</translation>
    </message>
    <message>
        <source>claim {id} (its claimant)</source>
        <translation>affirmation {id} (son auteur)</translation>
    </message>
    <message>
        <source>claim {id} (what it is about)</source>
        <translation>affirmation {id} (son objet)</translation>
    </message>
    <message>
        <source>claim {id} (a link to it)</source>
        <translation>affirmation {id} (un lien vers elle)</translation>
    </message>
    <message>
        <source>actor {id} (a relation)</source>
        <translation>acteur {id} (une relation)</translation>
    </message>
    <message>
        <source>still referred to by {items}</source>
        <translation>encore référencé par {items}</translation>
    </message>
    <message>
        <source>no such item</source>
        <translation>élément introuvable</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>non valide</translation>
    </message>
    <message>
        <source>file is {size} MB; situation files are limited to {limit} MB</source>
        <translation>le fichier fait {size} Mo&#xa0;; les fichiers de situation sont limités à {limit} Mo</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte})</source>
        <translation>texte non UTF-8 (octet {byte})</translation>
    </message>
    <message>
        <source>not valid JSON: {reason} at line {line}, column {column}</source>
        <translation>JSON non valide&#xa0;: {reason} à la ligne {line}, colonne {column}</translation>
    </message>
    <message>
        <source>not valid JSON: nested too deeply</source>
        <translation>JSON non valide&#xa0;: imbrication trop profonde</translation>
    </message>
    <message>
        <source>{name} has changed since it was cited (its SHA-256 differs)</source>
        <translation>{name} a changé depuis qu&apos;il a été cité (son SHA-256 diffère)</translation>
    </message>
    <message>
        <source>{name} is larger than 10 MB</source>
        <translation>{name} dépasse 10 Mo</translation>
    </message>
    <message>
        <source>cannot read {name}: {reason}</source>
        <translation>impossible de lire {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>no source with id {id!r}</source>
        <translation>aucune source n&apos;a l&apos;identifiant {id!r}</translation>
    </message>
    <message>
        <source>no place with id {id!r}</source>
        <translation>aucune localité n&apos;a l&apos;identifiant {id!r}</translation>
    </message>
    <message>
        <source>no area with id {id!r}</source>
        <translation>aucune zone n&apos;a l&apos;identifiant {id!r}</translation>
    </message>
    <message>
        <source>no actor with id {id!r}</source>
        <translation>aucun acteur n&apos;a l&apos;identifiant {id!r}</translation>
    </message>
    <message>
        <source>no event with id {id!r}</source>
        <translation>aucun événement n&apos;a l&apos;identifiant {id!r}</translation>
    </message>
    <message>
        <source>no claim with id {id!r}</source>
        <translation>aucune affirmation n&apos;a l&apos;identifiant {id!r}</translation>
    </message>
    <message>
        <source>text is {length} characters long; at most {limit} allowed</source>
        <translation>le texte compte {length} caractères&#xa0;; {limit} au maximum</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>missing required field {names}</source>
        <translation>champ obligatoire manquant&#xa0;: {names}</translation>
    </message>
    <message>
        <source>unknown field {names}</source>
        <translation>champ inconnu&#xa0;: {names}</translation>
    </message>
    <message>
        <source>{value} is not one of {allowed}</source>
        <translation>{value} ne fait pas partie des valeurs admises ({allowed})</translation>
    </message>
    <message>
        <source>must be {expected!r}, not {value}</source>
        <translation>doit valoir {expected!r}, et non {value}</translation>
    </message>
    <message>
        <source>must be of type {expected}, not {type}</source>
        <translation>doit être de type {expected}, et non {type}</translation>
    </message>
    <message>
        <source>{value} is out of range ({rule} {limit})</source>
        <translation>{value} est hors limites ({rule} {limit})</translation>
    </message>
    <message>
        <source>{value} does not have the expected form</source>
        <translation>{value} n&apos;a pas la forme attendue</translation>
    </message>
    <message>
        <source>{value} is not a valid {format}</source>
        <translation>{value} n&apos;est pas une valeur {format} valide</translation>
    </message>
    <message>
        <source>does not match any allowed form (check which fields are given)</source>
        <translation>ne correspond à aucune forme admise (vérifiez quels champs sont renseignés)</translation>
    </message>
    <message>
        <source>needs at least {count} item(s)</source>
        <translation>il faut au moins {count} élément(s)</translation>
    </message>
    <message>
        <source>{value} is not a finite number</source>
        <translation>{value} n&apos;est pas un nombre fini</translation>
    </message>
    <message>
        <source>text has an unpaired surrogate at character {index}: not valid Unicode</source>
        <translation>le texte contient un demi-codet (surrogate) isolé au caractère {index}&#xa0;: Unicode non valide</translation>
    </message>
    <message>
        <source>duplicate id {id!r}</source>
        <translation>identifiant en double {id!r}</translation>
    </message>
    <message>
        <source>part_of forms a cycle</source>
        <translation>part_of forme un cycle</translation>
    </message>
    <message>
        <source>a citation of a source with text needs start, end, quote</source>
        <translation>la citation d&apos;une source dotée d&apos;un texte exige start, end et quote</translation>
    </message>
    <message>
        <source>start and end must be whole numbers, like 3</source>
        <translation>start et end doivent être des nombres entiers, comme 3</translation>
    </message>
    <message>
        <source>span {start}..{end} is outside the source text (length {length})</source>
        <translation>l&apos;intervalle {start}..{end} sort du texte de la source (longueur {length})</translation>
    </message>
    <message>
        <source>quote does not match the source at {start}..{end} (source has {found!r})</source>
        <translation>la citation ne correspond pas à la source en {start}..{end} (la source contient {found!r})</translation>
    </message>
    <message>
        <source>precision {precision!r} needs a place</source>
        <translation>la précision {precision!r} exige une localité</translation>
    </message>
    <message>
        <source>precision &apos;region&apos; needs an area (or a place the region is coded to)</source>
        <translation>la précision &apos;region&apos; exige une zone (ou une localité à laquelle la région est rattachée)</translation>
    </message>
    <message>
        <source>{date!r} is not a calendar date</source>
        <translation>{date!r} n&apos;est pas une date du calendrier</translation>
    </message>
    <message>
        <source>ends ({end}) before it starts ({start})</source>
        <translation>se termine ({end}) avant de commencer ({start})</translation>
    </message>
</context>
<context>
    <name>details</name>
    <message>
        <source>1 — the day is known</source>
        <translation>1 — le jour est connu</translation>
    </message>
    <message>
        <source>2 — within about a week</source>
        <translation>2 — à une semaine près environ</translation>
    </message>
    <message>
        <source>3 — the month</source>
        <translation>3 — le mois</translation>
    </message>
    <message>
        <source>1 — the place itself</source>
        <translation>1 — la localité elle-même</translation>
    </message>
    <message>
        <source>2 — near the place or in a small part of its region</source>
        <translation>2 — près de la localité ou dans une petite partie de sa région</translation>
    </message>
    <message>
        <source>3 — only a larger region is known; coded to this point</source>
        <translation>3 — seule une région plus vaste est connue&#xa0;; codé à ce point</translation>
    </message>
    <message>
        <source>state forces</source>
        <translation>forces étatiques</translation>
    </message>
    <message>
        <source>rebel group</source>
        <translation>groupe rebelle</translation>
    </message>
    <message>
        <source>political militia</source>
        <translation>milice politique</translation>
    </message>
    <message>
        <source>identity militia</source>
        <translation>milice identitaire</translation>
    </message>
    <message>
        <source>rioters</source>
        <translation>émeutiers</translation>
    </message>
    <message>
        <source>protesters</source>
        <translation>manifestants</translation>
    </message>
    <message>
        <source>civilians</source>
        <translation>civils</translation>
    </message>
    <message>
        <source>external/other forces</source>
        <translation>forces extérieures/autres</translation>
    </message>
    <message>
        <source>0 — no such actor</source>
        <translation>0 — aucun acteur de ce type</translation>
    </message>
    <message>
        <source>Data row {number}: every column as written</source>
        <translation>Ligne {number} des données&#xa0;: chaque colonne telle qu&apos;écrite</translation>
    </message>
    <message>
        <source>Data row {number}</source>
        <translation>Ligne {number} des données</translation>
    </message>
    <message>
        <source>allied with</source>
        <translation>allié à</translation>
    </message>
    <message>
        <source>affiliate of</source>
        <translation>affilié à</translation>
    </message>
    <message>
        <source>backed by</source>
        <translation>soutenu par</translation>
    </message>
    <message>
        <source>leader of</source>
        <translation>chef de</translation>
    </message>
    <message>
        <source>fighting</source>
        <translation>combat</translation>
    </message>
    <message>
        <source>corroborates</source>
        <translation>corrobore</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>contredit</translation>
    </message>
    <message>
        <source>corroborates (by)</source>
        <translation>corroborée par</translation>
    </message>
    <message>
        <source>contradicts (by)</source>
        <translation>contredite par</translation>
    </message>
    <message>
        <source>state military</source>
        <translation>armée régulière</translation>
    </message>
    <message>
        <source>government</source>
        <translation>gouvernement</translation>
    </message>
    <message>
        <source>state</source>
        <translation>État</translation>
    </message>
    <message>
        <source>armed group</source>
        <translation>groupe armé</translation>
    </message>
    <message>
        <source>mercenary group</source>
        <translation>groupe de mercenaires</translation>
    </message>
    <message>
        <source>intergovernmental</source>
        <translation>intergouvernemental</translation>
    </message>
    <message>
        <source>media</source>
        <translation>média</translation>
    </message>
    <message>
        <source>person</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>militia</source>
        <translation>milice</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>“{quote}”</source>
        <translation>«&#xa0;{quote}&#xa0;»</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>W</source>
        <translation>O</translation>
    </message>
    <message>
        <source>{lat}° {ns}, {lon}° {ew}</source>
        <translation>{lat}°&#xa0;{ns}, {lon}°&#xa0;{ew}</translation>
    </message>
    <message>
        <source>{publisher}: “{title}”</source>
        <translation>{publisher}&#xa0;: «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Unattributed</source>
        <translation>Non attribué</translation>
    </message>
    <message>
        <source>characters {start}–{end}</source>
        <translation>caractères {start}–{end}</translation>
    </message>
    <message>
        <source>external reference</source>
        <translation>référence externe</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>{subject}: {figure}</source>
        <translation>{subject}&#xa0;: {figure}</translation>
    </message>
    <message>
        <source>{claimant}: {claim}</source>
        <translation>{claimant}&#xa0;: {claim}</translation>
    </message>
    <message>
        <source>Part of {event}</source>
        <translation>Fait partie de {event}</translation>
    </message>
    <message>
        <source>precision: {precision}</source>
        <translation>précision&#xa0;: {precision}</translation>
    </message>
    <message>
        <source>Date from: {source}</source>
        <translation>Source de la date&#xa0;: {source}</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Date&#xa0;:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Lieu&#xa0;:</translation>
    </message>
    <message>
        <source>Within this event</source>
        <translation>Au sein de cet événement</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Acteurs</translation>
    </message>
    <message>
        <source>Claims ({n})</source>
        <translation>Affirmations ({n})</translation>
    </message>
    <message>
        <source>What the source says</source>
        <translation>Ce que dit la source</translation>
    </message>
    <message>
        <source>near {place}</source>
        <translation>près de {place}</translation>
    </message>
    <message>
        <source>{place}: {coordinates}</source>
        <translation>{place}&#xa0;: {coordinates}</translation>
    </message>
    <message>
        <source>coordinates from {source}</source>
        <translation>coordonnées tirées de {source}</translation>
    </message>
    <message>
        <source>within about {km} km</source>
        <translation>à {km}&#xa0;km près environ</translation>
    </message>
    <message>
        <source>These are the place&apos;s coordinates, not the event&apos;s.</source>
        <translation>Ce sont les coordonnées de la localité, non celles de l&apos;événement.</translation>
    </message>
    <message>
        <source>These are the place&apos;s coordinates.</source>
        <translation>Ce sont les coordonnées de la localité.</translation>
    </message>
    <message>
        <source>{place} lies {km} km (geodesic) from the Mali–Algeria border line of the 1:10m map, itself generalised by a kilometre or more.</source>
        <translation>{place} se trouve à {km}&#xa0;km (distance géodésique) du tracé de la frontière Mali–Algérie de la carte au 1:10m, lui-même simplifié d&apos;un kilomètre ou plus.</translation>
    </message>
    <message>
        <source>The ring on the map ({km} km) only draws &apos;near&apos;; the source gives no distance.</source>
        <translation>Le cercle sur la carte ({km}&#xa0;km) ne fait que figurer «&#xa0;près de&#xa0;»&#xa0;; la source ne donne aucune distance.</translation>
    </message>
    <message>
        <source>{precision}; no point is implied</source>
        <translation>{precision}&#xa0;; aucun point précis n&apos;est sous-entendu</translation>
    </message>
    <message>
        <source>Gazetteer name: {name}</source>
        <translation>Nom dans le répertoire toponymique&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Placed by hand, within about {km} km.</source>
        <translation>Placée à la main, à {km}&#xa0;km près environ.</translation>
    </message>
    <message>
        <source>Events here</source>
        <translation>Événements en ce lieu</translation>
    </message>
    <message>
        <source>Cited</source>
        <translation>Citations</translation>
    </message>
    <message>
        <source>Also called</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Relations</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>A affirmé</translation>
    </message>
    <message>
        <source>Took part in</source>
        <translation>A pris part à</translation>
    </message>
    <message>
        <source>{status} claimed by {claimant}</source>
        <translation>{status} selon {claimant}</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Porte sur</translation>
    </message>
    <message>
        <source>Linked claims</source>
        <translation>Affirmations liées</translation>
    </message>
    <message>
        <source>Click a marker or pick an item in the side panel.</source>
        <translation>Cliquez sur un marqueur ou choisissez un élément dans le panneau latéral.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>A situation map of events, actors and source claims.</source>
        <translation>Une carte de situation des événements, des acteurs et des affirmations des sources.</translation>
    </message>
    <message>
        <source>Map data: Natural Earth 1:10m and 1:50m (public domain), via the registry packages named in resources/geodata/PROVENANCE.md.</source>
        <translation>Données cartographiques&#xa0;: Natural Earth 1:10m et 1:50m (domaine public), par les paquets nommés dans resources/geodata/PROVENANCE.md.</translation>
    </message>
    <message>
        <source>Place names and coordinates: GeoNames (CC BY 4.0).</source>
        <translation>Noms de lieux et coordonnées&#xa0;: GeoNames (CC BY 4.0).</translation>
    </message>
    <message>
        <source>Open situation: {title}</source>
        <translation>Situation ouverte&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>{kind}: {publisher}: {title}</source>
        <translation>{kind}&#xa0;: {publisher}&#xa0;: {title}</translation>
    </message>
    <message>
        <source>{kind}: {title}</source>
        <translation>{kind}&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Licences: mapapp&apos;s code, MIT. Qt for Python (PySide6), LGPLv3. shapely, pyproj, geopy, numpy and jsonschema under their own permissive licences.</source>
        <translation>Licences&#xa0;: code de mapapp, MIT. Qt for Python (PySide6), LGPLv3. shapely, pyproj, geopy, numpy et jsonschema sous leurs propres licences permissives.</translation>
    </message>
    <message>
        <source>About mapapp</source>
        <translation>À propos de mapapp</translation>
    </message>
    <message>
        <source>cannot lock {file}</source>
        <translation>impossible de verrouiller {file}</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>Échec de l&apos;enregistrement automatique&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>Restaurer le travail non enregistré</translation>
    </message>
    <message>
        <source>mapapp stopped before the changes to “{title}” (shared: {store}) reached the store. They were autosaved at {when}.</source>
        <translation>mapapp s&apos;est arrêté avant que les modifications de «&#xa0;{title}&#xa0;» (partagée&#xa0;: {store}) n&apos;atteignent le dépôt. Elles ont été enregistrées automatiquement à {when}.</translation>
    </message>
    <message>
        <source>mapapp stopped before the changes to “{title}” (from {path}) were saved. They were autosaved at {when}.</source>
        <translation>mapapp s&apos;est arrêté avant l&apos;enregistrement des modifications de «&#xa0;{title}&#xa0;» ({path}). Elles ont été enregistrées automatiquement le {when}.</translation>
    </message>
    <message>
        <source>mapapp stopped before the changes to “{title}” (never saved) were saved. They were autosaved at {when}.</source>
        <translation>mapapp s&apos;est arrêté avant l&apos;enregistrement des modifications de «&#xa0;{title}&#xa0;» (jamais enregistrée). Elles ont été enregistrées automatiquement le {when}.</translation>
    </message>
    <message>
        <source>Restore them now?</source>
        <translation>Les restaurer maintenant&#xa0;?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>the autosaved work cannot be restored: {reason}</source>
        <translation>le travail enregistré automatiquement ne peut pas être restauré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Restauration impossible</translation>
    </message>
    <message>
        <source>Restored the unsaved changes to “{title}”.</source>
        <translation>Modifications non enregistrées de «&#xa0;{title}&#xa0;» restaurées.</translation>
    </message>
    <message>
        <source>Articles: text or saved web pages</source>
        <translation>Articles&#xa0;: texte ou pages web enregistrées</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <source>Open situation</source>
        <translation>Ouvrir une situation</translation>
    </message>
    <message>
        <source>New situation from article</source>
        <translation>Nouvelle situation depuis un article</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>“{title}” has changes that are not saved.</source>
        <translation>«&#xa0;{title}&#xa0;» comporte des modifications non enregistrées.</translation>
    </message>
    <message>
        <source>Save situation as</source>
        <translation>Enregistrer la situation sous</translation>
    </message>
    <message>
        <source>mapapp situation</source>
        <translation>Situation mapapp</translation>
    </message>
    <message>
        <source>A dataset is written with File → Export data.</source>
        <translation>Un jeu de données s&apos;enregistre avec Fichier → Exporter les données.</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Exporter les données</translation>
    </message>
    <message>
        <source>{file} is written. What {format} could not hold:</source>
        <translation>{file} est écrit. Ce que le format {format} n&apos;a pas pu contenir&#xa0;:</translation>
    </message>
    <message>
        <source>Undo history — mapapp</source>
        <translation>Historique des annulations — mapapp</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>À l&apos;ouverture</translation>
    </message>
</context>
<context>
    <name>event type</name>
    <message>
        <source>battle</source>
        <translation>bataille</translation>
    </message>
    <message>
        <source>ambush</source>
        <translation>embuscade</translation>
    </message>
    <message>
        <source>weather</source>
        <translation>météo</translation>
    </message>
    <message>
        <source>death</source>
        <translation>décès</translation>
    </message>
    <message>
        <source>aircraft loss</source>
        <translation>perte d&apos;aéronef</translation>
    </message>
    <message>
        <source>takeover</source>
        <translation>prise de contrôle</translation>
    </message>
    <message>
        <source>intervention</source>
        <translation>intervention</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>accord</translation>
    </message>
    <message>
        <source>attacks</source>
        <translation>attaques</translation>
    </message>
    <message>
        <source>coup</source>
        <translation>coup d&apos;État</translation>
    </message>
    <message>
        <source>expulsion</source>
        <translation>expulsion</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <source>report</source>
        <translation>signalement</translation>
    </message>
    <message>
        <source>explosion</source>
        <translation>explosion</translation>
    </message>
    <message>
        <source>violence against civilians</source>
        <translation>violence contre des civils</translation>
    </message>
    <message>
        <source>protest</source>
        <translation>manifestation</translation>
    </message>
    <message>
        <source>riot</source>
        <translation>émeute</translation>
    </message>
    <message>
        <source>strategic development</source>
        <translation>évolution stratégique</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>unsupported output format {suffix!r}; use .png, .svg or .pdf</source>
        <translation>format de sortie non pris en charge {suffix!r}&#xa0;; utilisez .png, .svg ou .pdf</translation>
    </message>
    <message>
        <source>(no suffix)</source>
        <translation>(sans extension)</translation>
    </message>
    <message>
        <source>size {w}x{h}: each side must be at least 1 pixel</source>
        <translation>taille {w}x{h}&#xa0;: chaque côté doit faire au moins 1 pixel</translation>
    </message>
    <message>
        <source>size {w}x{h} pixels is too large (each side at most {side}, at most {mp} megapixels)</source>
        <translation>taille de {w}x{h} pixels trop grande (au plus {side} par côté et {mp} mégapixels au total)</translation>
    </message>
    <message>
        <source>cannot allocate a {w}x{h} image</source>
        <translation>impossible d&apos;allouer une image de {w}x{h}</translation>
    </message>
    <message>
        <source>Drawing the map</source>
        <translation>Dessin de la carte</translation>
    </message>
    <message>
        <source>Encoding the PNG</source>
        <translation>Encodage du PNG</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>the SVG generator wrote no &lt;svg&gt; element</source>
        <translation>le générateur SVG n&apos;a écrit aucun élément &lt;svg&gt;</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <source>SVG vector drawing</source>
        <translation>Dessin vectoriel SVG</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <source>Export snapshot</source>
        <translation>Exporter l&apos;instantané</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>PNG pixel density: 96 dpi = 1×, 192 dpi = 2× (SVG/PDF are vector)</source>
        <translation>Densité de pixels du PNG&#xa0;: 96 dpi = 1×, 192 dpi = 2× (SVG et PDF sont vectoriels)</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>sans titre</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Échelle graphique</translation>
    </message>
    <message>
        <source>North arrow</source>
        <translation>Flèche du nord</translation>
    </message>
    <message>
        <source>Attribution (Natural Earth, the reports)</source>
        <translation>Attribution (Natural Earth, les reportages)</translation>
    </message>
    <message>
        <source>Data date</source>
        <translation>Date des données</translation>
    </message>
    <message>
        <source>Caption of the selected event: {event}</source>
        <translation>Légende de l&apos;événement sélectionné&#xa0;: {event}</translation>
    </message>
    <message>
        <source>Caption of the selected event (nothing selected)</source>
        <translation>Légende de l&apos;événement sélectionné (aucune sélection)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <source>Density:</source>
        <translation>Densité&#xa0;:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <source>The map shows the current view and the layers ticked in the Layers list.</source>
        <translation>La carte reprend la vue actuelle et les couches cochées dans la liste Couches.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Choisissez un fichier à écrire.</translation>
    </message>
    <message>
        <source>Unknown format {suffix}: use .png, .svg or .pdf.</source>
        <translation>Format inconnu {suffix}&#xa0;: utilisez .png, .svg ou .pdf.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name.</source>
        <translation>{path} est un dossier&#xa0;; choisissez un nom de fichier.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>export failed: {error}: {details}</source>
        <translation>échec de l&apos;export&#xa0;: {error}&#xa0;: {details}</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Un export est déjà en cours.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Exporting {file}…</source>
        <translation>Export de {file}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>{stage}: {file}</source>
        <translation>{stage}&#xa0;: {file}</translation>
    </message>
    <message>
        <source>Export cancelled; nothing written.</source>
        <translation>Export annulé&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Loading basemap tiles: {file}</source>
        <translation>Chargement des tuiles du fond de carte&#xa0;: {file}</translation>
    </message>
    <message>
        <source>A web page is already being published.</source>
        <translation>Une page web est déjà en cours de publication.</translation>
    </message>
    <message>
        <source>no situation is open</source>
        <translation>aucune situation n&apos;est ouverte</translation>
    </message>
    <message>
        <source>Map image copied ({width}×{height} px)</source>
        <translation>Image de la carte copiée ({width}×{height} px)</translation>
    </message>
    <message>
        <source>Loading basemap tiles for printing…</source>
        <translation>Chargement des tuiles du fond de carte pour l&apos;impression…</translation>
    </message>
    <message>
        <source>Snapshot written to {path}</source>
        <translation>Instantané écrit dans {path}</translation>
    </message>
    <message>
        <source>{said}; {problem}</source>
        <translation>{said}&#xa0;; {problem}</translation>
    </message>
    <message>
        <source>the printer could not be opened</source>
        <translation>l&apos;imprimante n&apos;a pas pu être ouverte</translation>
    </message>
    <message>
        <source>mapapp map</source>
        <translation>carte mapapp</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Aperçu avant impression</translation>
    </message>
    <message>
        <source>publishing failed: {error}: {details}</source>
        <translation>échec de la publication&#xa0;: {error}&#xa0;: {details}</translation>
    </message>
    <message>
        <source>Publish web page</source>
        <translation>Publier une page web</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Page web</translation>
    </message>
    <message>
        <source>Publishing {file}…</source>
        <translation>Publication de {file}…</translation>
    </message>
    <message>
        <source>Publishing failed</source>
        <translation>Échec de la publication</translation>
    </message>
    <message>
        <source>Publishing cancelled; nothing written.</source>
        <translation>Publication annulée&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Web page written to {path} ({size} MB)</source>
        <translation>Page web écrite dans {path} ({size}&#xa0;Mo)</translation>
    </message>
    <message>
        <source>Web page published</source>
        <translation>Page web publiée</translation>
    </message>
    <message>
        <source>{file} ({size} MB) holds the map, the events and their sources in one file: it opens offline in any current browser and can be shared as it is.</source>
        <translation>{file} ({size}&#xa0;Mo) réunit la carte, les événements et leurs sources en un seul fichier&#xa0;: il s&apos;ouvre hors ligne dans tout navigateur récent et peut être partagé tel quel.</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
</context>
<context>
    <name>figures</name>
    <message>
        <source>Each figure as its claimant gave it, on one scale per count. A bar is a number, a band a range, an arrow &apos;over&apos;.</source>
        <translation>Chaque chiffre tel que son auteur l&apos;a donné, sur une échelle par décompte. Une barre est un nombre, une bande une fourchette, une flèche «&#xa0;plus de&#xa0;».</translation>
    </message>
    <message>
        <source>scale 0 to {top}</source>
        <translation>échelle de 0 à {top}</translation>
    </message>
    <message>
        <source>No figures.</source>
        <translation>Aucun chiffre.</translation>
    </message>
    <message>
        <source>no number given</source>
        <translation>aucun nombre donné</translation>
    </message>
    <message>
        <source>Source: {title}.</source>
        <translation>Source&#xa0;: {title}.</translation>
    </message>
    <message>
        <source>Compiled with mapapp; statuses as the source reports them.</source>
        <translation>Compilé avec mapapp&#xa0;; statuts tels que la source les rapporte.</translation>
    </message>
    <message>
        <source>Conflicting figures — {title}</source>
        <translation>Chiffres contradictoires — {title}</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Copier l&apos;image</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Enregistrer en PNG…</translation>
    </message>
    <message>
        <source>Save figures</source>
        <translation>Enregistrer les chiffres</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Échec de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Unattributed</source>
        <translation>Non attribué</translation>
    </message>
    <message>
        <source>over {value} {unit}</source>
        <translation>plus de {value} {unit}</translation>
    </message>
    <message>
        <source>at least {value} {unit}</source>
        <translation>au moins {value} {unit}</translation>
    </message>
    <message>
        <source>about {value} {unit}</source>
        <translation>environ {value} {unit}</translation>
    </message>
    <message>
        <source>up to {value} {unit}</source>
        <translation>jusqu&apos;à {value} {unit}</translation>
    </message>
</context>
<context>
    <name>filters</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Claim status</source>
        <translation>Statut de l&apos;affirmation</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Entre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Admin1</source>
        <translation>Admin1</translation>
    </message>
    <message>
        <source>Min fatalities</source>
        <translation>Victimes (min.)</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>armed group</source>
        <translation>groupe armé</translation>
    </message>
    <message>
        <source>state military</source>
        <translation>armée régulière</translation>
    </message>
    <message>
        <source>government</source>
        <translation>gouvernement</translation>
    </message>
    <message>
        <source>mercenary group</source>
        <translation>groupe de mercenaires</translation>
    </message>
    <message>
        <source>militia</source>
        <translation>milice</translation>
    </message>
    <message>
        <source>intergovernmental</source>
        <translation>intergouvernemental</translation>
    </message>
    <message>
        <source>media</source>
        <translation>média</translation>
    </message>
    <message>
        <source>person</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>civilians</source>
        <translation>civils</translation>
    </message>
    <message>
        <source>protesters</source>
        <translation>manifestants</translation>
    </message>
    <message>
        <source>rioters</source>
        <translation>émeutiers</translation>
    </message>
    <message>
        <source>state</source>
        <translation>État</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>involved</source>
        <translation>impliqué</translation>
    </message>
    <message>
        <source>Edit event {name}</source>
        <translation>Modification de l&apos;événement {name}</translation>
    </message>
    <message>
        <source>Edit actor {name}</source>
        <translation>Modification de l&apos;acteur {name}</translation>
    </message>
    <message>
        <source>Edit claim {name}</source>
        <translation>Modification de l&apos;affirmation {name}</translation>
    </message>
    <message>
        <source>Edit place {name}</source>
        <translation>Modification de la localité {name}</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Supprimer l&apos;événement</translation>
    </message>
    <message>
        <source>Delete actor</source>
        <translation>Supprimer l&apos;acteur</translation>
    </message>
    <message>
        <source>Delete claim</source>
        <translation>Supprimer l&apos;affirmation</translation>
    </message>
    <message>
        <source>Delete place</source>
        <translation>Supprimer la localité</translation>
    </message>
    <message>
        <source>Delete event {name}</source>
        <translation>Suppression de l&apos;événement {name}</translation>
    </message>
    <message>
        <source>Delete actor {name}</source>
        <translation>Suppression de l&apos;acteur {name}</translation>
    </message>
    <message>
        <source>Delete claim {name}</source>
        <translation>Suppression de l&apos;affirmation {name}</translation>
    </message>
    <message>
        <source>Delete place {name}</source>
        <translation>Suppression de la localité {name}</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>a figure is not a number: {problem}</source>
        <translation>un chiffre n&apos;est pas un nombre&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Cannot make this change</source>
        <translation>Modification impossible</translation>
    </message>
    <message>
        <source>“{name}” is still used by:</source>
        <translation>Ces éléments font encore référence à «&#xa0;{name}&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Delete it anyway? They stay, without it (a claim it made becomes unattributed; an event at a deleted place gets an unknown location). Edit → Undo brings everything back.</source>
        <translation>Supprimer quand même&#xa0;? Ces éléments restent, sans cette référence (une affirmation de cet acteur devient non attribuée&#xa0;; un événement situé dans une localité supprimée prend un lieu inconnu). Édition → Annuler rétablit tout.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exactement</translation>
    </message>
    <message>
        <source>over</source>
        <translation>plus de</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>au moins</translation>
    </message>
    <message>
        <source>about</source>
        <translation>environ</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>jusqu&apos;à</translation>
    </message>
    <message>
        <source>exact (within 100 m)</source>
        <translation>exacte (à 100 m près)</translation>
    </message>
    <message>
        <source>within 1 km</source>
        <translation>à 1 km près</translation>
    </message>
    <message>
        <source>within 5 km</source>
        <translation>à 5 km près</translation>
    </message>
    <message>
        <source>within 25 km</source>
        <translation>à 25 km près</translation>
    </message>
    <message>
        <source>rough (within 100 km)</source>
        <translation>approximative (à 100 km près)</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Modifier l&apos;événement</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>AAAA, AAAA-MM ou AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>(same as start)</source>
        <translation>(identique au début)</translation>
    </message>
    <message>
        <source>— no place —</source>
        <translation>— aucune localité —</translation>
    </message>
    <message>
        <source>no radius</source>
        <translation>sans rayon</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Time precision</source>
        <translation>Précision temporelle</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Localité</translation>
    </message>
    <message>
        <source>Location precision</source>
        <translation>Précision du lieu</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Rayon</translation>
    </message>
    <message>
        <source>Actors and roles</source>
        <translation>Acteurs et rôles</translation>
    </message>
    <message>
        <source>who or what, e.g. Russians killed</source>
        <translation>qui ou quoi, p. ex. Russes tués</translation>
    </message>
    <message>
        <source>50, or 20-80</source>
        <translation>50, ou 20-80</translation>
    </message>
    <message>
        <source>unit, e.g. people</source>
        <translation>unité, p. ex. personnes</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>or in words: heavy losses</source>
        <translation>ou en toutes lettres&#xa0;: lourdes pertes</translation>
    </message>
    <message>
        <source>Remove this figure</source>
        <translation>Retirer ce chiffre</translation>
    </message>
    <message>
        <source>“{subject}” needs a number, a range or words</source>
        <translation>«&#xa0;{subject}&#xa0;» demande un nombre, une fourchette ou des mots</translation>
    </message>
    <message>
        <source>Edit claim</source>
        <translation>Modifier l&apos;affirmation</translation>
    </message>
    <message>
        <source>New claim</source>
        <translation>Nouvelle affirmation</translation>
    </message>
    <message>
        <source>Unattributed</source>
        <translation>Non attribuée</translation>
    </message>
    <message>
        <source>Add figure</source>
        <translation>Ajouter un chiffre</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Déclaration</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>About the events</source>
        <translation>Événements concernés</translation>
    </message>
    <message>
        <source>Edit actor</source>
        <translation>Modifier l&apos;acteur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Edit place</source>
        <translation>Modifier la localité</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Country (ISO code)</source>
        <translation>Pays (code ISO)</translation>
    </message>
    <message>
        <source>Place on the map</source>
        <translation>Placer sur la carte</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
</context>
<context>
    <name>layers</name>
    <message>
        <source>Event markers</source>
        <translation>Marqueurs d&apos;événements</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Localités</translation>
    </message>
    <message>
        <source>Mali–Algeria border</source>
        <translation>Frontière Mali–Algérie</translation>
    </message>
    <message>
        <source>Azawad (2012 claim)</source>
        <translation>Azawad (revendication de 2012)</translation>
    </message>
    <message>
        <source>Mali regions (admin-1)</source>
        <translation>Régions du Mali (admin-1)</translation>
    </message>
    <message>
        <source>Graticule</source>
        <translation>Graticule</translation>
    </message>
    <message>
        <source>Countries (1:10m)</source>
        <translation>Pays (1:10m)</translation>
    </message>
    <message>
        <source>World (context)</source>
        <translation>Monde (contexte)</translation>
    </message>
</context>
<context>
    <name>legend</name>
    <message>
        <source>Mali–Algeria border (1:10m)</source>
        <translation>Frontière Mali–Algérie (1:10m)</translation>
    </message>
    <message>
        <source>International border</source>
        <translation>Frontière internationale</translation>
    </message>
    <message>
        <source>Azawad, claimed by separatists in 2012</source>
        <translation>Azawad, revendiqué par les séparatistes en 2012</translation>
    </message>
    <message>
        <source>Mali region (admin-1) boundary</source>
        <translation>Limite de région du Mali (admin-1)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Localité</translation>
    </message>
    <message>
        <source>Graticule</source>
        <translation>Graticule</translation>
    </message>
    <message>
        <source>Event location &apos;near&apos; a place (drawn radius)</source>
        <translation>Lieu d&apos;un événement «&#xa0;près de&#xa0;» une localité (rayon dessiné)</translation>
    </message>
    <message>
        <source>Area of the selected region-level event</source>
        <translation>Zone de l&apos;événement régional sélectionné</translation>
    </message>
    <message>
        <source>Cluster of events (count; ring: share of each colour)</source>
        <translation>Groupe d&apos;événements (nombre&#xa0;; anneau&#xa0;: part de chaque couleur)</translation>
    </message>
    <message>
        <source>Events per square (light: one; dark: the most)</source>
        <translation>Événements par carré (clair&#xa0;: un&#xa0;; foncé&#xa0;: le plus)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Event: {type}</source>
        <translation>Événement&#xa0;: {type}</translation>
    </message>
</context>
<context>
    <name>map</name>
    <message>
        <source>W</source>
        <translation>O</translation>
    </message>
    <message>
        <source>true at {latitude}</source>
        <translation>exacte à {latitude}</translation>
    </message>
    <message>
        <source>public domain</source>
        <translation>domaine public</translation>
    </message>
    <message>
        <source>Data as of {date}</source>
        <translation>Données au {date}</translation>
    </message>
    <message>
        <source>Basemap: {credit}</source>
        <translation>Fond de carte&#xa0;: {credit}</translation>
    </message>
    <message>
        <source> · Reports: {names}</source>
        <translation> · Reportages&#xa0;: {names}</translation>
    </message>
    <message>
        <source>no credit given by the source</source>
        <translation>aucun crédit donné par la source</translation>
    </message>
    <message>
        <source>Basemap tiles: {name} ({credit})</source>
        <translation>Tuiles du fond de carte&#xa0;: {name} ({credit})</translation>
    </message>
    <message>
        <source>{title} — {when}</source>
        <translation>{title} — {when}</translation>
    </message>
    <message>
        <source>{prompt} (Esc cancels)</source>
        <translation>{prompt} (Échap pour annuler)</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… et {n} autres</translation>
    </message>
    <message>
        <source>{count} {type}</source>
        <translation>{type} ({count})</translation>
    </message>
    <message>
        <source>{n} events: {parts}</source>
        <translation>{n} événements&#xa0;: {parts}</translation>
    </message>
    <message>
        <source>Placing on the map cancelled.</source>
        <translation>Placement sur la carte annulé.</translation>
    </message>
    <message>
        <source>Measure: click the first point</source>
        <translation>Mesurer&#xa0;: cliquez sur le premier point</translation>
    </message>
    <message>
        <source>Measure: click the second point (Esc cancels)</source>
        <translation>Mesurer&#xa0;: cliquez sur le second point (Échap pour annuler)</translation>
    </message>
    <message>
        <source>Measured {km} km geodesic, bearing {bearing}° (click again to start over)</source>
        <translation>Distance géodésique mesurée&#xa0;: {km}&#xa0;km, azimut {bearing}° (cliquez à nouveau pour recommencer)</translation>
    </message>
</context>
<context>
    <name>metadata</name>
    <message>
        <source>Map of {box}; {crs}</source>
        <translation>Carte de {box}&#xa0;; {crs}</translation>
    </message>
    <message>
        <source>time window: {window}</source>
        <translation>fenêtre temporelle&#xa0;: {window}</translation>
    </message>
    <message>
        <source>filters: {filters}</source>
        <translation>filtres&#xa0;: {filters}</translation>
    </message>
    <message>
        <source>mode: {mode}</source>
        <translation>mode&#xa0;: {mode}</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>corroborates</source>
        <translation>corrobore</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>contredit</translation>
    </message>
    <message>
        <source>About this map</source>
        <translation>À propos de cette carte</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Search events, places, actors</source>
        <translation>Rechercher événements, lieux, acteurs</translation>
    </message>
    <message>
        <source>Every actor</source>
        <translation>Tous les acteurs</translation>
    </message>
    <message>
        <source>Any claim status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>only events in the map&apos;s view</source>
        <translation>seulement les événements visibles sur la carte</translation>
    </message>
    <message>
        <source>{shown} of {total} events in view</source>
        <translation>{shown} sur {total} événements visibles</translation>
    </message>
    <message>
        <source>{shown} of {total} events</source>
        <translation>{shown} sur {total} événements</translation>
    </message>
    <message>
        <source>{n} event</source>
        <translation>{n} événement</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} événements</translation>
    </message>
    <message>
        <source>data as of {date}</source>
        <translation>données au {date}</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Toute la période</translation>
    </message>
    <message>
        <source>Every date shown</source>
        <translation>Toutes les dates affichées</translation>
    </message>
    <message>
        <source>window</source>
        <translation>fenêtre</translation>
    </message>
    <message>
        <source>accumulate</source>
        <translation>cumul</translation>
    </message>
    <message>
        <source>fade</source>
        <translation>estompage</translation>
    </message>
    <message>
        <source>No dated events</source>
        <translation>Aucun événement daté</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Event: {type}</source>
        <translation>Événement&#xa0;: {type}</translation>
    </message>
    <message>
        <source>North is up</source>
        <translation>Le nord est en haut</translation>
    </message>
    <message>
        <source>true at {latitude}</source>
        <translation>exacte à {latitude}</translation>
    </message>
    <message>
        <source>Unattributed</source>
        <translation>Non attribué</translation>
    </message>
    <message>
        <source>Figures: {figures}</source>
        <translation>Chiffres&#xa0;: {figures}</translation>
    </message>
    <message>
        <source>{relation} {claimant}: {statement}</source>
        <translation>{relation} {claimant}&#xa0;: {statement}</translation>
    </message>
    <message>
        <source>an unattributed claim</source>
        <translation>une affirmation non attribuée</translation>
    </message>
    <message>
        <source>Part of </source>
        <translation>Fait partie de </translation>
    </message>
    <message>
        <source>When: </source>
        <translation>Quand&#xa0;: </translation>
    </message>
    <message>
        <source> (precision: {precision})</source>
        <translation> (précision&#xa0;: {precision})</translation>
    </message>
    <message>
        <source>Where: </source>
        <translation>Où&#xa0;: </translation>
    </message>
    <message>
        <source>Within this event</source>
        <translation>Au sein de cet événement</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Acteurs</translation>
    </message>
    <message>
        <source>Actors: </source>
        <translation>Acteurs&#xa0;: </translation>
    </message>
    <message>
        <source>With: </source>
        <translation>Avec&#xa0;: </translation>
    </message>
    <message>
        <source>Fatalities (as coded): </source>
        <translation>Morts (selon le codage)&#xa0;: </translation>
    </message>
    <message>
        <source>Claims ({n})</source>
        <translation>Affirmations ({n})</translation>
    </message>
    <message>
        <source>Figures side by side</source>
        <translation>Chiffres côte à côte</translation>
    </message>
    <message>
        <source>What the source says</source>
        <translation>Ce que dit la source</translation>
    </message>
    <message>
        <source> — characters {start}–{end}</source>
        <translation> — caractères {start} à {end}</translation>
    </message>
    <message>
        <source>no quoted text</source>
        <translation>pas de texte cité</translation>
    </message>
    <message>
        <source>Row {id} of {title}</source>
        <translation>Ligne {id} de {title}</translation>
    </message>
    <message>
        <source>{n} event at this spot</source>
        <translation>{n} événement à cet endroit</translation>
    </message>
    <message>
        <source>{n} events at this spot</source>
        <translation>{n} événements à cet endroit</translation>
    </message>
    <message>
        <source>They share one position in the data; choose one.</source>
        <translation>Ils partagent une même position dans les données&#xa0;; choisissez-en un.</translation>
    </message>
    <message>
        <source>and {n} more; narrow the time window or search to see them</source>
        <translation>et {n} autres&#xa0;; réduisez la fenêtre temporelle ou cherchez pour les voir</translation>
    </message>
    <message>
        <source>{place}: {lat}° {ns}, {lon}° {ew}. These are the place&apos;s coordinates.</source>
        <translation>{place}&#xa0;: {lat}° {ns}, {lon}° {ew}. Ce sont les coordonnées de la localité.</translation>
    </message>
    <message>
        <source>{place}: {lat}° {ns}, {lon}° {ew}. These are the place&apos;s coordinates, not the event&apos;s.</source>
        <translation>{place}&#xa0;: {lat}° {ns}, {lon}° {ew}. Ce sont les coordonnées de la localité, non celles de l&apos;événement.</translation>
    </message>
    <message>
        <source>The ring on the map ({km} km) only draws &apos;near&apos;; the source gives no distance.</source>
        <translation>L&apos;anneau sur la carte ({km} km) ne fait que figurer «&#xa0;près de&#xa0;»&#xa0;; la source ne donne aucune distance.</translation>
    </message>
    <message>
        <source>near {place} ({precision})</source>
        <translation>près de {place} ({precision})</translation>
    </message>
    <message>
        <source>{place} ({precision})</source>
        <translation>{place} ({precision})</translation>
    </message>
    <message>
        <source>{area} ({precision}; no point is implied)</source>
        <translation>{area} ({precision}&#xa0;; aucun point n&apos;est sous-entendu)</translation>
    </message>
    <message>
        <source>W</source>
        <translation>O</translation>
    </message>
    <message>
        <source>{count}: {types} — click to zoom in</source>
        <translation>{count}&#xa0;: {types} — cliquez pour zoomer</translation>
    </message>
    <message>
        <source>{count}: {types} — click to list them</source>
        <translation>{count}&#xa0;: {types} — cliquez pour les lister</translation>
    </message>
    <message>
        <source>from {first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>from {first} on</source>
        <translation>à partir du {first}</translation>
    </message>
    <message>
        <source>up to {last}</source>
        <translation>jusqu&apos;au {last}</translation>
    </message>
    <message>
        <source>This page holds the events {days}; the situation&apos;s other events were left out when it was published.</source>
        <translation>Cette page contient les événements {days}&#xa0;; les autres événements de la situation ont été laissés de côté lors de la publication.</translation>
    </message>
    <message>
        <source>Where the data comes from</source>
        <translation>D&apos;où viennent les données</translation>
    </message>
    <message>
        <source>Made with mapapp {version} on {created}.</source>
        <translation>Faite avec mapapp {version} le {created}.</translation>
    </message>
    <message>
        <source>Made with mapapp {version} on {created}; data as of {date}.</source>
        <translation>Faite avec mapapp {version} le {created}&#xa0;; données au {date}.</translation>
    </message>
    <message>
        <source>Map drawn with Leaflet 1.9.4 (BSD-2-Clause licence, © Volodymyr Agafonkin, CloudMade). Basemap: Natural Earth 1:10m (public domain); places: GeoNames (CC BY 4.0). This page is one file and makes no request: it works offline.</source>
        <translation>Carte dessinée avec Leaflet 1.9.4 (licence BSD-2-Clause, © Volodymyr Agafonkin, CloudMade). Fond de carte&#xa0;: Natural Earth 1:10m (domaine public)&#xa0;; localités&#xa0;: GeoNames (CC BY 4.0). Cette page est un seul fichier et ne fait aucune requête&#xa0;: elle fonctionne hors ligne.</translation>
    </message>
    <message>
        <source>This page could not be opened: {reason}</source>
        <translation>Cette page n&apos;a pas pu s&apos;ouvrir&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Map: drag to pan, wheel or +/- to zoom, arrows to move</source>
        <translation>Carte&#xa0;: glisser pour déplacer, molette ou +/- pour zoomer, flèches pour se déplacer</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Events per day; drag the window</source>
        <translation>Événements par jour&#xa0;; faites glisser la fenêtre</translation>
    </message>
    <message>
        <source>Close the details</source>
        <translation>Fermer les détails</translation>
    </message>
    <message>
        <source>Claim status</source>
        <translation>Statut de l&apos;affirmation</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>How the window shows time</source>
        <translation>Comment la fenêtre montre le temps</translation>
    </message>
</context>
<context>
    <name>places</name>
    <message>
        <source>Online geocoding</source>
        <translation>Géocodage en ligne</translation>
    </message>
    <message>
        <source>Look up names the offline gazetteer does not know</source>
        <translation>Rechercher les noms inconnus du répertoire géographique hors ligne</translation>
    </message>
    <message>
        <source>The name you look up is sent to this Nominatim server, one search per click, at most one request a second, identified as mapapp (the Nominatim usage policy). Off by default: mapapp works offline.</source>
        <translation>Le nom recherché est envoyé à ce serveur Nominatim, une recherche par clic, au plus une requête par seconde, en s&apos;identifiant comme mapapp (politique d&apos;utilisation de Nominatim). Désactivé par défaut&#xa0;: mapapp fonctionne hors ligne.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Online search failed: {reason}</source>
        <translation>Échec de la recherche en ligne&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Looking up “{name}” at {server}…</source>
        <translation>Recherche de «&#xa0;{name}&#xa0;» sur {server}…</translation>
    </message>
    <message>
        <source>{server} knows no place called “{name}”.</source>
        <translation>{server} ne connaît aucune localité nommée «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>Place found online</source>
        <translation>Localité trouvée en ligne</translation>
    </message>
    <message>
        <source>Which “{name}”? ({server})</source>
        <translation>Quelle localité «&#xa0;{name}&#xa0;»&#xa0;? ({server})</translation>
    </message>
    <message>
        <source>New place {name} (found online)</source>
        <translation>Nouvelle localité {name} (trouvée en ligne)</translation>
    </message>
    <message>
        <source>not a server address: {url!r} (expected https://host)</source>
        <translation>ce n&apos;est pas une adresse de serveur&#xa0;: {url!r} (attendu&#xa0;: https://hôte)</translation>
    </message>
    <message>
        <source>Nominatim at {server}</source>
        <translation>Nominatim sur {server}</translation>
    </message>
</context>
<context>
    <name>precision</name>
    <message>
        <source>exact location</source>
        <translation>lieu exact</translation>
    </message>
    <message>
        <source>near a named place</source>
        <translation>près d&apos;une localité nommée</translation>
    </message>
    <message>
        <source>region only</source>
        <translation>région seulement</translation>
    </message>
    <message>
        <source>location unknown</source>
        <translation>lieu inconnu</translation>
    </message>
</context>
<context>
    <name>side panel</name>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Actor 1</source>
        <translation>Acteur 1</translation>
    </message>
    <message>
        <source>Actor 2</source>
        <translation>Acteur 2</translation>
    </message>
    <message>
        <source>Fatalities</source>
        <translation>Morts</translation>
    </message>
    <message>
        <source>Search notes, actors, locations…</source>
        <translation>Rechercher notes, acteurs, lieux…</translation>
    </message>
    <message>
        <source>Any actor</source>
        <translation>Tout acteur</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>At least this many fatalities recorded</source>
        <translation>Au moins ce nombre de morts recensés</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Admin 1</source>
        <translation>Admin 1</translation>
    </message>
    <message>
        <source>Fatalities ≥</source>
        <translation>Morts ≥</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Tout type</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>Tout pays</translation>
    </message>
    <message>
        <source>Any admin 1</source>
        <translation>Tout admin 1</translation>
    </message>
    <message>
        <source>{n} of {total} events</source>
        <translation>{n} sur {total} événements</translation>
    </message>
    <message>
        <source>({n} of {total} events shown)</source>
        <translation>({n} sur {total} événements affichés)</translation>
    </message>
    <message>
        <source>Search events, actors, claims…</source>
        <translation>Rechercher événements, acteurs, affirmations…</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Entre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Affirmation</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Localité</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Acteurs</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Affirmations</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Localités</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>All actors</source>
        <translation>Tous les acteurs</translation>
    </message>
    <message>
        <source>Any claim status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>near {place}</source>
        <translation>près de {place}</translation>
    </message>
    <message>
        <source>{area} (region)</source>
        <translation>{area} (région)</translation>
    </message>
    <message>
        <source>claimed: {claim}</source>
        <translation>a affirmé&#xa0;: {claim}</translation>
    </message>
    <message>
        <source>in: {event}</source>
        <translation>dans&#xa0;: {event}</translation>
    </message>
    <message>
        <source>Unattributed</source>
        <translation>Non attribué</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>W</source>
        <translation>O</translation>
    </message>
    <message>
        <source>{lat}°{ns} {lon}°{ew}</source>
        <translation>{lat}°{ns} {lon}°{ew}</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>(unreadable connection string)</source>
        <translation>(chaîne de connexion illisible)</translation>
    </message>
    <message>
        <source>not a PostgreSQL connection string or URL: {url}</source>
        <translation>ni une chaîne de connexion ni une URL PostgreSQL&#xa0;: {url}</translation>
    </message>
    <message>
        <source>cannot connect to {url}: {reason}</source>
        <translation>connexion impossible à {url}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>wrong password for {user}</source>
        <translation>mot de passe erroné pour {user}</translation>
    </message>
    <message>
        <source>no server answers there (connection refused)</source>
        <translation>aucun serveur ne répond à cette adresse (connexion refusée)</translation>
    </message>
    <message>
        <source>this database has mapapp&apos;s schema version {found}, newer than this mapapp knows ({known}): update mapapp</source>
        <translation>cette base a le schéma mapapp version {found}, plus récent que celui que ce mapapp connaît ({known})&#xa0;: mettez mapapp à jour</translation>
    </message>
    <message>
        <source>no mapapp store in this database: run &apos;mapapp store init&apos; first</source>
        <translation>pas de dépôt mapapp dans cette base&#xa0;: lancez d&apos;abord «&#xa0;mapapp store init&#xa0;»</translation>
    </message>
    <message>
        <source>this store has schema version {found}, older than this mapapp&apos;s ({known}): run &apos;mapapp store init&apos; to bring it up to date</source>
        <translation>ce dépôt a le schéma version {found}, plus ancien que celui de ce mapapp ({known})&#xa0;: lancez «&#xa0;mapapp store init&#xa0;» pour le mettre à jour</translation>
    </message>
    <message>
        <source>no dataset named {name!r} in the store</source>
        <translation>aucun jeu de données nommé {name!r} dans le dépôt</translation>
    </message>
    <message>
        <source>a dataset is an ACLED CSV or a GeoParquet (.csv, .parquet)</source>
        <translation>un jeu de données est un CSV ACLED ou un GeoParquet (.csv, .parquet)</translation>
    </message>
    <message>
        <source>the store already holds a situation named {name!r}</source>
        <translation>le dépôt contient déjà une situation nommée {name!r}</translation>
    </message>
    <message>
        <source>{user} may not write to this store: that takes the mapapp_editor role</source>
        <translation>{user} ne peut pas écrire dans ce dépôt&#xa0;: il faut le rôle mapapp_editor</translation>
    </message>
    <message>
        <source>not in ACLED&apos;s column layout: the store keeps ACLED datasets</source>
        <translation>pas au format de colonnes d&apos;ACLED&#xa0;: le dépôt garde des jeux de données ACLED</translation>
    </message>
    <message>
        <source>{name} was pushed as {suffix}: pull it to a {suffix} file</source>
        <translation>{name} a été envoyé en {suffix}&#xa0;: récupérez-le dans un fichier {suffix}</translation>
    </message>
    <message>
        <source>dataset {name!r} has a damaged head</source>
        <translation>l&apos;en-tête du jeu de données {name!r} est endommagé</translation>
    </message>
    <message>
        <source>{name} as at {time} would not be a valid situation: {problem}</source>
        <translation>{name} au {time} ne serait pas une situation valide&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>no situation named {name!r} in the store</source>
        <translation>aucune situation nommée {name!r} dans le dépôt</translation>
    </message>
    <message>
        <source>your changes and others&apos; saved meanwhile cannot stand together: {problem}</source>
        <translation>vos modifications et celles enregistrées entre-temps par d&apos;autres ne peuvent coexister&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <source>Conflicting edits: {item}</source>
        <translation>Modifications en conflit&#xa0;: {item}</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu&apos;un</translation>
    </message>
    <message>
        <source>You deleted “{item}”; {who} changed it after you opened it.</source>
        <translation>Vous avez supprimé «&#xa0;{item}&#xa0;»&#xa0;; {who} l&apos;a modifié après que vous l&apos;avez ouvert.</translation>
    </message>
    <message>
        <source>You changed “{item}”; {who} deleted it after you opened it.</source>
        <translation>Vous avez modifié «&#xa0;{item}&#xa0;»&#xa0;; {who} l&apos;a supprimé après que vous l&apos;avez ouvert.</translation>
    </message>
    <message>
        <source>You and {who} both changed “{item}” since you opened it: {fields}. The store keeps {who}&apos;s version until you decide.</source>
        <translation>{who} et vous avez tous deux modifié «&#xa0;{item}&#xa0;» depuis que vous l&apos;avez ouvert&#xa0;: {fields}. Le dépôt garde leur version ({who}) jusquLe dépôt garde la version de {who} jusqu&apos;à votre décision.apos;à votre décision.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Common base</source>
        <translation>Base commune</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>La mienne</translation>
    </message>
    <message>
        <source>Theirs ({who})</source>
        <translation>La leur ({who})</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Garder la &amp;leur</translation>
    </message>
    <message>
        <source>&amp;Delete it</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Keep &amp;mine (add it back)</source>
        <translation>Garder la &amp;mienne (la rétablir)</translation>
    </message>
    <message>
        <source>&amp;Let it go</source>
        <translation>&amp;Laisser supprimer</translation>
    </message>
    <message>
        <source>Merge as &amp;chosen</source>
        <translation>&amp;Fusionner selon les choix</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>Garder les &amp;deux</translation>
    </message>
    <message>
        <source>Theirs stays; yours is added beside it as {id}</source>
        <translation>La leur reste&#xa0;; la vôtre est ajoutée à côté sous {id}</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Décider &amp;plus tard</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>La leur</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>fusionné</translation>
    </message>
    <message>
        <source>{name} in the store is not a valid situation: {p}</source>
        <translation>{name} dans le dépôt n&apos;est pas une situation valide&#xa0;: {p}</translation>
    </message>
    <message>
        <source>a dataset has no history to look back at</source>
        <translation>un jeu de données n&apos;a pas d&apos;historique à consulter</translation>
    </message>
    <message>
        <source>Open from store</source>
        <translation>Ouvrir depuis le dépôt</translation>
    </message>
    <message>
        <source>&amp;List situations</source>
        <translation>&amp;Lister les situations</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <source>As it stood at</source>
        <translation>Telle qu&apos;elle était le</translation>
    </message>
    <message>
        <source>Passwords come from ~/.pgpass, PGPASSWORD or a service file; mapapp never keeps them.</source>
        <translation>Les mots de passe viennent de ~/.pgpass, de PGPASSWORD ou d&apos;un fichier de service&#xa0;; mapapp ne les garde jamais.</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Dépôt&#xa0;:</translation>
    </message>
    <message>
        <source>Asking the store…</source>
        <translation>Interrogation du dépôt…</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when} par {who}</translation>
    </message>
    <message>
        <source>Not saved to the shared situation</source>
        <translation>Non enregistré dans la situation partagée</translation>
    </message>
    <message>
        <source>the store stopped answering</source>
        <translation>le dépôt ne répond plus</translation>
    </message>
    <message>
        <source>The shared situation {name} answers again.</source>
        <translation>La situation partagée {name} répond de nouveau.</translation>
    </message>
    <message>
        <source>Shared: {where} · read only</source>
        <translation>Partagée&#xa0;: {where} · lecture seule</translation>
    </message>
    <message>
        <source>Shared: {where} · sending…</source>
        <translation>Partagée&#xa0;: {where} · envoi…</translation>
    </message>
    <message>
        <source>Shared: {where} · all changes saved</source>
        <translation>Partagée&#xa0;: {where} · tout est enregistré</translation>
    </message>
    <message>
        <source>{who} added {kind} “{item}”</source>
        <translation>{who} a ajouté {kind} «&#xa0;{item}&#xa0;»</translation>
    </message>
    <message>
        <source>{who} changed {kind} “{item}”</source>
        <translation>{who} a modifié {kind} «&#xa0;{item}&#xa0;»</translation>
    </message>
    <message>
        <source>{who} deleted {kind} “{item}”</source>
        <translation>{who} a supprimé {kind} «&#xa0;{item}&#xa0;»</translation>
    </message>
    <message>
        <source>place</source>
        <translation>la localité</translation>
    </message>
    <message>
        <source>area</source>
        <translation>la zone</translation>
    </message>
    <message>
        <source>actor</source>
        <translation>l&apos;acteur</translation>
    </message>
    <message>
        <source>event</source>
        <translation>l&apos;événement</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>l&apos;affirmation</translation>
    </message>
    <message>
        <source>source</source>
        <translation>la source</translation>
    </message>
    <message>
        <source>situation</source>
        <translation>la situation</translation>
    </message>
    <message>
        <source>The conflict waits: the store keeps their version, yours stays here. The status bar&apos;s store button brings it back.</source>
        <translation>Le conflit attend&#xa0;: le dépôt garde leur version, la vôtre reste ici. Le bouton du dépôt dans la barre d&apos;état le rouvre.</translation>
    </message>
</context>
<context>
    <name>time</name>
    <message>
        <source>date unknown</source>
        <translation>date inconnue</translation>
    </message>
    <message>
        <source>month of {month}</source>
        <translation>mois de {month}</translation>
    </message>
    <message>
        <source>week of {day}</source>
        <translation>semaine du {day}</translation>
    </message>
    <message>
        <source>weeks of {first_day} to {last_day}</source>
        <translation>semaines du {first_day} au {last_day}</translation>
    </message>
    <message>
        <source>after {day}</source>
        <translation>après le {day}</translation>
    </message>
    <message>
        <source>after {month}</source>
        <translation>après {month}</translation>
    </message>
    <message>
        <source>after {year}</source>
        <translation>après {year}</translation>
    </message>
    <message>
        <source>before {day}</source>
        <translation>avant le {day}</translation>
    </message>
    <message>
        <source>before {month}</source>
        <translation>avant {month}</translation>
    </message>
    <message>
        <source>before {year}</source>
        <translation>avant {year}</translation>
    </message>
    <message>
        <source>{first_day} to {last_day}</source>
        <translation>du {first_day} au {last_day}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>de {first} à {last}</translation>
    </message>
    <message>
        <source>up to {day}</source>
        <translation>jusqu&apos;au {day}</translation>
    </message>
    <message>
        <source>{window} (earlier events fading over {days})</source>
        <translation>{window} (les événements antérieurs s&apos;estompent sur {days})</translation>
    </message>
</context>
<context>
    <name>time precision</name>
    <message>
        <source>day</source>
        <translation>jour</translation>
    </message>
    <message>
        <source>week</source>
        <translation>semaine</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <source>after a date</source>
        <translation>après une date</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <source>window</source>
        <translation>fenêtre</translation>
    </message>
    <message>
        <source>accumulate</source>
        <translation>cumul</translation>
    </message>
    <message>
        <source>fade</source>
        <translation>fondu</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>par jour</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>par semaine</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>par mois</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>Fenêtre temporelle</translation>
    </message>
    <message>
        <source>Show only the events of a time window (off: every event)</source>
        <translation>N&apos;afficher que les événements d&apos;une fenêtre temporelle (désactivé&#xa0;: tous les événements)</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Lecture</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Lecture ou pause (Espace)</translation>
    </message>
    <message>
        <source>window: only events in it · accumulate: everything up to its end · fade: older events fade out</source>
        <translation>fenêtre&#xa0;: seulement les événements qu&apos;elle couvre · cumul&#xa0;: tout jusqu&apos;à sa fin · fondu&#xa0;: les événements plus anciens s&apos;estompent</translation>
    </message>
    <message>
        <source>every event shown</source>
        <translation>tous les événements affichés</translation>
    </message>
    <message>
        <source>⏸ Pause</source>
        <translation>⏸ Pause</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>mapapp: error: {message}</source>
        <translation>mapapp&#xa0;: erreur&#xa0;: {message}</translation>
    </message>
    <message>
        <source>mapapp: internal error: {message}</source>
        <translation>mapapp&#xa0;: erreur interne&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>{change}: {reason}</source>
        <translation>{change}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Cannot make this change</source>
        <translation>Modification impossible</translation>
    </message>
    <message>
        <source>{change} — Edit → Undo takes it back</source>
        <translation>{change} — Édition → Annuler pour revenir en arrière</translation>
    </message>
    <message>
        <source>others changed what it would change since ({kind} {item})</source>
        <translation>d&apos;autres ont modifié depuis ce qu&apos;elle changerait ({kind} {item})</translation>
    </message>
    <message>
        <source>not done: it no longer fits the shared situation: {p}</source>
        <translation>non fait&#xa0;: cela ne s&apos;accorde plus avec la situation partagée&#xa0;: {p}</translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation>Impossible d&apos;annuler ou de rétablir</translation>
    </message>
    <message>
        <source>Cannot open situation</source>
        <translation>Impossible d&apos;ouvrir la situation</translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation>Ouverture de {file}…</translation>
    </message>
    <message>
        <source>Opening {file} cancelled; “{title}” stays open.</source>
        <translation>Ouverture de {file} annulée&#xa0;; «&#xa0;{title}&#xa0;» reste ouverte.</translation>
    </message>
    <message>
        <source>Opening {file} cancelled.</source>
        <translation>Ouverture de {file} annulée.</translation>
    </message>
    <message>
        <source>Opening {file}: {stage}…</source>
        <translation>Ouverture de {file}&#xa0;: {stage}…</translation>
    </message>
    <message>
        <source>{file} not shown; your changes stay open.</source>
        <translation>{file} n&apos;est pas affiché&#xa0;; vos modifications restent ouvertes.</translation>
    </message>
    <message>
        <source>Opening {name} from the store…</source>
        <translation>Ouverture de {name} depuis le dépôt…</translation>
    </message>
    <message>
        <source>{title} (as at {time})</source>
        <translation>{title} (au {time})</translation>
    </message>
    <message>
        <source>Cannot open from the store</source>
        <translation>Impossible d&apos;ouvrir depuis le dépôt</translation>
    </message>
    <message>
        <source>{change}: not done, this situation is read only</source>
        <translation>{change}&#xa0;: non fait, cette situation est en lecture seule</translation>
    </message>
    <message>
        <source>Cannot read article</source>
        <translation>Impossible de lire l&apos;article</translation>
    </message>
    <message>
        <source>{file} cannot be read.</source>
        <translation>{file} ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The clipboard holds no text to make a situation from.</source>
        <translation>Le presse-papiers ne contient aucun texte d&apos;où tirer une situation.</translation>
    </message>
    <message>
        <source>New situation from “{title}”; File → Save as keeps it (the article is saved beside it as {file}).</source>
        <translation>Nouvelle situation tirée de «&#xa0;{title}&#xa0;»&#xa0;; Fichier → Enregistrer sous la conserve (l&apos;article est enregistré à côté sous le nom {file}).</translation>
    </message>
    <message>
        <source>A dataset is written with File → Export data.</source>
        <translation>Un jeu de données s&apos;enregistre avec Fichier → Exporter les données.</translation>
    </message>
    <message>
        <source>the embedded situation is not overwritten; choose another file</source>
        <translation>la situation intégrée n&apos;est jamais écrasée&#xa0;; choisissez un autre fichier</translation>
    </message>
    <message>
        <source>Cannot save situation</source>
        <translation>Impossible d&apos;enregistrer la situation</translation>
    </message>
    <message>
        <source>{file} is not written.</source>
        <translation>{file} n&apos;est pas écrit.</translation>
    </message>
    <message>
        <source>Saved a copy in {path}</source>
        <translation>Copie enregistrée dans {path}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Enregistré dans {path}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Data written to {path}{shown}</source>
        <translation>Données écrites dans {path}{shown}</translation>
    </message>
    <message>
        <source>{what}: {message}</source>
        <translation>{what}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{file} cannot be opened. “{title}” stays open.</source>
        <translation>{file} ne peut pas être ouvert. «&#xa0;{title}&#xa0;» reste ouverte.</translation>
    </message>
    <message>
        <source>{file} cannot be opened.</source>
        <translation>{file} ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>Could not save {file}: {problem}</source>
        <translation>Impossible d&apos;enregistrer {file}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Could not read {file}: {problem}</source>
        <translation>Impossible de lire {file}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Could not open {file}: {problem}</source>
        <translation>Impossible d&apos;ouvrir {file}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Internal error: {line}</source>
        <translation>Erreur interne&#xa0;: {line}</translation>
    </message>
    <message>
        <source>({n} errors since this message opened.)</source>
        <translation>({n} erreurs depuis l&apos;ouverture de ce message.)</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Erreur interne</translation>
    </message>
    <message>
        <source>Something went wrong inside mapapp. “{title}” is still open.</source>
        <translation>Un problème est survenu dans mapapp. «&#xa0;{title}&#xa0;» est toujours ouverte.</translation>
    </message>
    <message>
        <source>Something went wrong inside mapapp.</source>
        <translation>Un problème est survenu dans mapapp.</translation>
    </message>
    <message>
        <source>{lat}° N</source>
        <translation>{lat}° N</translation>
    </message>
    <message>
        <source>{lat}° S</source>
        <translation>{lat}° S</translation>
    </message>
    <message>
        <source>{lon}° E</source>
        <translation>{lon}° E</translation>
    </message>
    <message>
        <source>{lon}° W</source>
        <translation>{lon}° O</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open situation…</source>
        <translation>&amp;Ouvrir une situation…</translation>
    </message>
    <message>
        <source>Open from s&amp;tore…</source>
        <translation>Ouvrir une situation parta&amp;gée…</translation>
    </message>
    <message>
        <source>&amp;New situation from article…</source>
        <translation>&amp;Nouvelle situation depuis un article…</translation>
    </message>
    <message>
        <source>New situation from &amp;clipboard text</source>
        <translation>Nouvelle situation depuis le &amp;texte du presse-papiers</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Export snapshot…</source>
        <translation>E&amp;xporter l&apos;instantané…</translation>
    </message>
    <message>
        <source>&amp;Copy map image</source>
        <translation>&amp;Copier l&apos;image de la carte</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Import GeoJSON or ACLED CSV…</source>
        <translation>&amp;Importer du GeoJSON ou un CSV ACLED…</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Importer des données</translation>
    </message>
    <message>
        <source>Export &amp;data (GeoJSON, KML, CSV)…</source>
        <translation>Exporter les &amp;données (GeoJSON, KML, CSV)…</translation>
    </message>
    <message>
        <source>Publish &amp;web page…</source>
        <translation>Publier une page &amp;web…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Zoom to &amp;fit</source>
        <translation>Zoom sur l&apos;&amp;ensemble</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom sur la &amp;sélection</translation>
    </message>
    <message>
        <source>&amp;Compare figures…</source>
        <translation>C&amp;omparer les chiffres…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <source>&amp;Pan / select</source>
        <translation>&amp;Déplacer / sélectionner</translation>
    </message>
    <message>
        <source>&amp;Measure distance</source>
        <translation>&amp;Mesurer une distance</translation>
    </message>
    <message>
        <source>Measure: click two points for the geodesic distance (M)</source>
        <translation>Mesurer&#xa0;: cliquez sur deux points pour la distance géodésique (M)</translation>
    </message>
    <message>
        <source>&amp;Density view</source>
        <translation>Vue de &amp;densité</translation>
    </message>
    <message>
        <source>Events as a density grid instead of markers (D): for the lowest zooms</source>
        <translation>Les événements en grille de densité plutôt qu&apos;en marqueurs (D)&#xa0;: pour les zooms les plus éloignés</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Undo &amp;history</source>
        <translation>&amp;Historique des annulations</translation>
    </message>
    <message>
        <source>Online &amp;geocoding…</source>
        <translation>&amp;Géocodage en ligne…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Échelle graphique</translation>
    </message>
    <message>
        <source>North arrow</source>
        <translation>Flèche du nord</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Plein écran</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About mapapp</source>
        <translation>À &amp;propos de mapapp</translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation>Outils de la carte</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>This shared situation is read only for you: File → Save as keeps a copy.</source>
        <translation>Cette situation partagée est en lecture seule pour vous&#xa0;: Fichier → Enregistrer sous en garde une copie.</translation>
    </message>
    <message>
        <source>a conflict waits for your decision</source>
        <translation>un conflit attend votre décision</translation>
    </message>
    <message>
        <source>the store cannot be reached</source>
        <translation>le dépôt est injoignable</translation>
    </message>
    <message>
        <source>the store has not answered yet</source>
        <translation>le dépôt n&apos;a pas encore répondu</translation>
    </message>
    <message>
        <source>Not saved to the shared situation</source>
        <translation>Non enregistré dans la situation partagée</translation>
    </message>
</context>
</TS>
