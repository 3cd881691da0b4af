<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <comment>fade</comment>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim(s)</source>
        <comment>caption</comment>
        <translation>
            <numerusform>%Ln claim</numerusform>
            <numerusform>%Ln claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s)</source>
        <comment>validate</comment>
        <translation>
            <numerusform>%Ln problem</numerusform>
            <numerusform>%Ln problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <comment>install-desktop</comment>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <comment>cli</comment>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln place(s)</source>
        <comment>cli</comment>
        <translation>
            <numerusform>%Ln place</numerusform>
            <numerusform>%Ln places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <comment>cli</comment>
        <translation>
            <numerusform>%Ln note</numerusform>
            <numerusform>%Ln notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Basemap: %Ln tile(s) could not be loaded ({why}); the vector map shows there.</source>
        <comment>basemap</comment>
        <translation>
            <numerusform>Basemap: %Ln tile could not be loaded ({why}); the vector map shows there.</numerusform>
            <numerusform>Basemap: %Ln tiles could not be loaded ({why}); the vector map shows there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <comment>forms</comment>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s)/s</source>
        <comment>timeline</comment>
        <translation>
            <numerusform>%Ln step/s</numerusform>
            <numerusform>%Ln steps/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln place name(s) in the article, {todo} not placed yet: click one to place it.</source>
        <comment>article places</comment>
        <translation>
            <numerusform>%Ln place name in the article, {todo} not placed yet: click one to place it.</numerusform>
            <numerusform>%Ln place names in the article, {todo} not placed yet: click one to place it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %Ln place(s) found in the article</source>
        <comment>article places</comment>
        <translation>
            <numerusform>Add %Ln place found in the article</numerusform>
            <numerusform>Add %Ln places found in the article</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more at this point</source>
        <comment>side panel</comment>
        <translation>
            <numerusform>… and %Ln more at this point</numerusform>
            <numerusform>… and %Ln more at this point</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>left out %Ln events without a day or a position</source>
        <comment>convert</comment>
        <translation>
            <numerusform>left out %Ln events without a day or a position</numerusform>
            <numerusform>left out %Ln events without a day or a position</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>left out %Ln events without a position</source>
        <comment>convert</comment>
        <translation>
            <numerusform>left out %Ln events without a position</numerusform>
            <numerusform>left out %Ln events without a position</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <comment>problems</comment>
        <translation>
            <numerusform>(and %n more)</numerusform>
            <numerusform>(and %n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened {file} (%Ln event(s))</source>
        <comment>window</comment>
        <translation>
            <numerusform>Opened {file} (%Ln event)</numerusform>
            <numerusform>Opened {file} (%Ln events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened {name} from the store (%Ln event(s))</source>
        <comment>window</comment>
        <translation>
            <numerusform>Opened {name} from the store (%Ln event)</numerusform>
            <numerusform>Opened {name} from the store (%Ln events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <comment>window</comment>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <comment>store</comment>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <comment>store</comment>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) restored</source>
        <comment>store</comment>
        <translation>
            <numerusform>%Ln item restored</numerusform>
            <numerusform>%Ln items restored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reading %Ln row(s)</source>
        <comment>store</comment>
        <translation>
            <numerusform>reading %Ln row</numerusform>
            <numerusform>reading %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln situation(s) in this store.</source>
        <comment>store</comment>
        <translation>
            <numerusform>%Ln situation in this store.</numerusform>
            <numerusform>%Ln situations in this store.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not in the store yet: {why}. They stay here and in the recovery file.</source>
        <comment>window</comment>
        <translation>
            <numerusform>%Ln change not in the store yet: {why}. It stays here and in the recovery file.</numerusform>
            <numerusform>%Ln changes not in the store yet: {why}. They stay here and in the recovery file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared: {where} · store unreachable, %Ln change(s) kept here</source>
        <comment>store</comment>
        <translation>
            <numerusform>Shared: {where} · store unreachable, %Ln change kept here</numerusform>
            <numerusform>Shared: {where} · store unreachable, %Ln changes kept here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared: {where} · %Ln conflict(s) to decide</source>
        <comment>store</comment>
        <translation>
            <numerusform>Shared: {where} · %Ln conflict to decide</numerusform>
            <numerusform>Shared: {where} · %Ln conflicts to decide</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more change(s)</source>
        <comment>store</comment>
        <translation>
            <numerusform>and %Ln more change</numerusform>
            <numerusform>and %Ln more changes</numerusform>
        </translation>
    </message>
</context>
</TS>
