<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis maxScale="0" hasScaleBasedVisibilityFlag="0" minScale="1e+08" version="3.22.16-Białowieża" styleCategories="AllStyleCategories">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal enabled="0" fetchMode="0" mode="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <customproperties>
    <Option type="Map">
      <Option type="QString" value="Value" name="identify/format"/>
    </Option>
  </customproperties>
  <pipe-data-defined-properties>
    <Option type="Map">
      <Option type="QString" value="" name="name"/>
      <Option name="properties"/>
      <Option type="QString" value="collection" name="type"/>
    </Option>
  </pipe-data-defined-properties>
  <pipe>
    <provider>
      <resampling enabled="false" zoomedOutResamplingMethod="nearestNeighbour" zoomedInResamplingMethod="nearestNeighbour" maxOversampling="2"/>
    </provider>
    <rasterrenderer alphaBand="-1" band="1" classificationMax="1" type="singlebandpseudocolor" nodataColor="" opacity="0.85" classificationMin="0">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader minimumValue="0" labelPrecision="6" colorRampType="INTERPOLATED" classificationMode="1" clip="0" maximumValue="1">
          <colorramp type="gradient" name="[source]">
            <Option type="Map">
              <Option type="QString" value="252,253,191,255" name="color1"/>
              <Option type="QString" value="0,0,4,255" name="color2"/>
              <Option type="QString" value="0" name="discrete"/>
              <Option type="QString" value="gradient" name="rampType"/>
              <Option type="QString" value="0.019608;252,244,182,255:0.039216;253,235,172,255:0.058824;253,226,163,255:0.078431;254,216,154,255:0.098039;254,207,146,255:0.117647;254,198,138,255:0.137255;254,189,130,255:0.156863;254,180,123,255:0.176471;254,170,116,255:0.196078;254,161,110,255:0.215686;253,152,105,255:0.235294;252,142,100,255:0.254902;251,133,96,255:0.27451;249,123,93,255:0.294118;247,114,92,255:0.313725;244,105,92,255:0.333333;241,96,93,255:0.352941;236,88,96,255:0.372549;231,82,99,255:0.392157;224,76,103,255:0.411765;217,70,107,255:0.431373;210,66,111,255:0.45098;202,62,114,255:0.470588;194,59,117,255:0.490196;186,56,120,255:0.509804;178,53,123,255:0.529412;170,51,125,255:0.54902;161,48,126,255:0.568627;153,45,128,255:0.588235;145,43,129,255:0.607843;137,40,129,255:0.627451;129,37,129,255:0.647059;121,34,130,255:0.666667;114,31,129,255:0.686275;106,28,129,255:0.705882;98,25,128,255:0.72549;90,22,126,255:0.745098;82,19,124,255:0.764706;74,16,121,255:0.784314;66,15,117,255:0.803922;57,15,110,255:0.823529;49,17,101,255:0.843137;41,17,90,255:0.862745;33,17,78,255:0.882353;26,16,66,255:0.901961;20,14,54,255:0.921569;14,11,43,255:0.941176;9,7,32,255:0.960784;5,4,22,255:0.980392;2,2,11,255" name="stops"/>
            </Option>
            <prop k="color1" v="252,253,191,255"/>
            <prop k="color2" v="0,0,4,255"/>
            <prop k="discrete" v="0"/>
            <prop k="rampType" v="gradient"/>
            <prop k="stops" v="0.019608;252,244,182,255:0.039216;253,235,172,255:0.058824;253,226,163,255:0.078431;254,216,154,255:0.098039;254,207,146,255:0.117647;254,198,138,255:0.137255;254,189,130,255:0.156863;254,180,123,255:0.176471;254,170,116,255:0.196078;254,161,110,255:0.215686;253,152,105,255:0.235294;252,142,100,255:0.254902;251,133,96,255:0.27451;249,123,93,255:0.294118;247,114,92,255:0.313725;244,105,92,255:0.333333;241,96,93,255:0.352941;236,88,96,255:0.372549;231,82,99,255:0.392157;224,76,103,255:0.411765;217,70,107,255:0.431373;210,66,111,255:0.45098;202,62,114,255:0.470588;194,59,117,255:0.490196;186,56,120,255:0.509804;178,53,123,255:0.529412;170,51,125,255:0.54902;161,48,126,255:0.568627;153,45,128,255:0.588235;145,43,129,255:0.607843;137,40,129,255:0.627451;129,37,129,255:0.647059;121,34,130,255:0.666667;114,31,129,255:0.686275;106,28,129,255:0.705882;98,25,128,255:0.72549;90,22,126,255:0.745098;82,19,124,255:0.764706;74,16,121,255:0.784314;66,15,117,255:0.803922;57,15,110,255:0.823529;49,17,101,255:0.843137;41,17,90,255:0.862745;33,17,78,255:0.882353;26,16,66,255:0.901961;20,14,54,255:0.921569;14,11,43,255:0.941176;9,7,32,255:0.960784;5,4,22,255:0.980392;2,2,11,255"/>
          </colorramp>
          <item color="#fcfdbf" alpha="255" label="0" value="0"/>
          <item color="#fcf4b6" alpha="255" label="0.0196" value="0.019608"/>
          <item color="#fdebac" alpha="255" label="0.0392" value="0.039216"/>
          <item color="#fde2a3" alpha="255" label="0.0588" value="0.058824"/>
          <item color="#fed89a" alpha="255" label="0.0784" value="0.078431"/>
          <item color="#fecf92" alpha="255" label="0.098" value="0.098039"/>
          <item color="#fec68a" alpha="255" label="0.118" value="0.117647"/>
          <item color="#febd82" alpha="255" label="0.137" value="0.137255"/>
          <item color="#feb47b" alpha="255" label="0.157" value="0.156863"/>
          <item color="#feaa74" alpha="255" label="0.176" value="0.176471"/>
          <item color="#fea16e" alpha="255" label="0.196" value="0.196078"/>
          <item color="#fd9869" alpha="255" label="0.216" value="0.215686"/>
          <item color="#fc8e64" alpha="255" label="0.235" value="0.235294"/>
          <item color="#fb8560" alpha="255" label="0.255" value="0.254902"/>
          <item color="#f97b5d" alpha="255" label="0.275" value="0.27451"/>
          <item color="#f7725c" alpha="255" label="0.294" value="0.294118"/>
          <item color="#f4695c" alpha="255" label="0.314" value="0.313725"/>
          <item color="#f1605d" alpha="255" label="0.333" value="0.333333"/>
          <item color="#ec5860" alpha="255" label="0.353" value="0.352941"/>
          <item color="#e75263" alpha="255" label="0.373" value="0.372549"/>
          <item color="#e04c67" alpha="255" label="0.392" value="0.392157"/>
          <item color="#d9466b" alpha="255" label="0.412" value="0.411765"/>
          <item color="#d2426f" alpha="255" label="0.431" value="0.431373"/>
          <item color="#ca3e72" alpha="255" label="0.451" value="0.45098"/>
          <item color="#c23b75" alpha="255" label="0.471" value="0.470588"/>
          <item color="#ba3878" alpha="255" label="0.49" value="0.490196"/>
          <item color="#b2357b" alpha="255" label="0.51" value="0.509804"/>
          <item color="#aa337d" alpha="255" label="0.529" value="0.529412"/>
          <item color="#a1307e" alpha="255" label="0.549" value="0.54902"/>
          <item color="#992d80" alpha="255" label="0.569" value="0.568627"/>
          <item color="#912b81" alpha="255" label="0.588" value="0.588235"/>
          <item color="#892881" alpha="255" label="0.608" value="0.607843"/>
          <item color="#812581" alpha="255" label="0.627" value="0.627451"/>
          <item color="#792282" alpha="255" label="0.647" value="0.647059"/>
          <item color="#721f81" alpha="255" label="0.667" value="0.666667"/>
          <item color="#6a1c81" alpha="255" label="0.686" value="0.686275"/>
          <item color="#621980" alpha="255" label="0.706" value="0.705882"/>
          <item color="#5a167e" alpha="255" label="0.725" value="0.72549"/>
          <item color="#52137c" alpha="255" label="0.745" value="0.745098"/>
          <item color="#4a1079" alpha="255" label="0.765" value="0.764706"/>
          <item color="#420f75" alpha="255" label="0.784" value="0.784314"/>
          <item color="#390f6e" alpha="255" label="0.804" value="0.803922"/>
          <item color="#311165" alpha="255" label="0.824" value="0.823529"/>
          <item color="#29115a" alpha="255" label="0.843" value="0.843137"/>
          <item color="#21114e" alpha="255" label="0.863" value="0.862745"/>
          <item color="#1a1042" alpha="255" label="0.882" value="0.882353"/>
          <item color="#140e36" alpha="255" label="0.902" value="0.9019608"/>
          <item color="#0e0b2b" alpha="255" label="0.922" value="0.9215686"/>
          <item color="#090720" alpha="255" label="0.941" value="0.9411765"/>
          <item color="#050416" alpha="255" label="0.961" value="0.9607843"/>
          <item color="#02020b" alpha="255" label="0.98" value="0.9803922"/>
          <item color="#000004" alpha="255" label="1" value="1"/>
          <rampLegendSettings minimumLabel="" maximumLabel="" useContinuousLegend="1" direction="0" suffix="" prefix="" orientation="2">
            <numericFormat id="basic">
              <Option type="Map">
                <Option type="QChar" value="" name="decimal_separator"/>
                <Option type="int" value="6" name="decimals"/>
                <Option type="int" value="0" name="rounding_type"/>
                <Option type="bool" value="false" name="show_plus"/>
                <Option type="bool" value="true" name="show_thousand_separator"/>
                <Option type="bool" value="false" name="show_trailing_zeros"/>
                <Option type="QChar" value="" name="thousand_separator"/>
              </Option>
            </numericFormat>
          </rampLegendSettings>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast gamma="1" brightness="0" contrast="0"/>
    <huesaturation colorizeBlue="128" grayscaleMode="0" saturation="0" colorizeGreen="128" colorizeOn="0" invertColors="0" colorizeRed="255" colorizeStrength="100"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
