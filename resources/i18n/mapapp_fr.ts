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
    <name>time</name>
    <message>
        <source>date unknown</source>
        <translation>date inconnue</translation>
    </message>
    <message>
        <source>week of {day}</source>
        <translation>semaine du {day}</translation>
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
</TS>
